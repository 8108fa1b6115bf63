// /sepet/islem: every change to the cart (add, quantity, remove, coupons).
//   - With JavaScript the pages post here through fetchers and send `js=1`: the answer is the
//     result (and, after "add", the cart for the mini-cart); React Router then reloads the
//     header count and the cart page.
//   - Without JavaScript the same forms post here and the answer is a 303 to the cart page,
//     which explains what happened from its query (`islem`, `hata`, `stok`, `kupon`).
// GET returns the cart summary (the mini-cart loads it when it opens).

import { data, redirect } from "react-router";
import { getApp } from "../context.ts";
import { type CartActionData, type CartIntent, type CartResult, cartIntents, MAX_CART_QUANTITY } from "../services/cart.ts";
import type { Route } from "./+types/cart-action";

/** A whole number from a form field, or null. */
function whole(value: FormDataEntryValue | null): number | null {
  if (typeof value !== "string" || !/^\s*-?\d{1,4}\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

/** Where a browser without JavaScript goes after a change: the cart page, saying what happened. */
export function noScriptTarget(intent: CartIntent, result: CartResult, code?: string): string {
  const params = new URLSearchParams();
  if (result.ok) params.set("islem", intent);
  else {
    params.set("hata", result.error);
    if (result.available !== undefined) params.set("stok", String(result.available));
  }
  const coupon = result.code ?? code;
  if (coupon && (intent === "apply-coupon" || intent === "remove-coupon")) params.set("kupon", coupon.slice(0, 40));
  return `/sepet?${params.toString()}`;
}

export async function loader({ context }: Route.LoaderArgs) {
  return getApp(context).cart.view();
}

export async function action({ context, request }: Route.ActionArgs) {
  const { cart } = getApp(context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "") as CartIntent;
  if (!(cartIntents as readonly string[]).includes(intent)) throw data("Unknown cart action", { status: 400 });
  const variantId = String(form.get("variantId") ?? "");
  const code = String(form.get("code") ?? "").trim();
  let result: CartResult;
  switch (intent) {
    case "add": {
      const quantity = whole(form.get("quantity")) ?? 1;
      result = await cart.add(variantId, quantity);
      break;
    }
    case "set": {
      // The stepper's − / + buttons send `step`; the field itself sends `quantity`.
      const quantity = whole(form.get("quantity"));
      const step = whole(form.get("step")) ?? 0;
      result =
        quantity === null
          ? { ok: false, error: "invalid-quantity" }
          : await cart.setQuantity(variantId, Math.min(MAX_CART_QUANTITY, Math.max(0, quantity + Math.sign(step))));
      break;
    }
    case "remove":
      result = await cart.remove(variantId);
      break;
    case "apply-coupon":
      result = await cart.applyCoupon(code);
      break;
    case "remove-coupon":
      result = await cart.removeCoupon(code);
      break;
  }
  if (form.get("js") === "1") return { intent, ...result } satisfies CartActionData;
  return redirect(noScriptTarget(intent, result, code), 303);
}
