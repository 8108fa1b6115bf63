import { describe, expect, it } from "vitest";
import { productInputSchema } from "../../../modules/catalog/validators.ts";
import {
  combinations,
  draftFromForm,
  emptyDraft,
  generateVariants,
  inputFromDraft,
  knownMessage,
  moneyInput,
  tidyMoney,
  type VariantDraft,
} from "./product-form.ts";

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const value of [v].flat()) data.append(k, value);
  return data;
}

describe("product form: money", () => {
  it("shows kuruş the Turkish way and tidies what was typed", () => {
    expect(moneyInput(123456)).toBe("1.234,56");
    expect(moneyInput(5)).toBe("0,05");
    expect(moneyInput(100000000)).toBe("1.000.000,00");
    expect(moneyInput(null)).toBe("");
    expect(tidyMoney("1249,9")).toBe("1.249,90");
    expect(tidyMoney("₺ 12")).toBe("12,00");
    expect(tidyMoney("12,345,6")).toBe("12,345,6");
    expect(tidyMoney("  ")).toBe("");
  });
});

describe("product form: form data → draft → input", () => {
  const posted = form({
    title: "  Işıltılı Keten Gömlek ",
    slug: "",
    status: "active",
    kind: "physical",
    brandId: "",
    categoryId: "8d1f7c1e-3b0a-4a5e-9a57-2f4b1c0d9e11",
    tags: JSON.stringify(["keten"]),
    tagsDraft: "yazlık, Keten",
    description: "<p>Nefes alan <b>keten</b></p>",
    vatRate: "10",
    featured: "on",
    "options[0].name": "Beden",
    "options[0].values": JSON.stringify(["M"]),
    "options[0].valuesDraft": "L",
    "variants[0].key": "a",
    "variants[0].options": JSON.stringify({ Beden: "M" }),
    "variants[0].price": "1.249,90",
    "variants[0].compareAtPrice": "1499,9",
    "variants[0].stock": "7",
    "variants[0].sku": "GML-M",
    "variants[0].desi": "2,5",
    "variants[1].key": "b",
    "variants[1].options": JSON.stringify({ Beden: "L" }),
    "variants[1].price": "1299.90",
    "variants[1].stock": "1.250",
    "specs[0].name": "Malzeme",
    "specs[0].value": "%100 keten",
    "specs[0].facet": "on",
    "specs[1].name": "",
    "specs[1].value": "",
    media: JSON.stringify([{ assetId: "0b7a2a50-6f5e-4b59-8a61-0e0b4d0f4c77", alt: "Ön" }]),
    "en.title": "Linen Shirt",
  });

  it("reads every field, including chips typed without JavaScript", () => {
    const draft = draftFromForm(posted);
    expect(draft.title).toBe("Işıltılı Keten Gömlek");
    expect(draft.tags).toEqual(["keten", "yazlık"]);
    expect(draft.options).toEqual([{ name: "Beden", values: ["M", "L"] }]);
    expect(draft.variants.map((v) => v.options)).toEqual([{ Beden: "M" }, { Beden: "L" }]);
    expect(draft.specs).toEqual([{ name: "Malzeme", value: "%100 keten", facet: true }]);
    expect(draft.featured).toBe(true);
    expect(draft.en.title).toBe("Linen Shirt");
  });

  it("turns the draft into a product input the catalog schema accepts (money in kuruş)", () => {
    const { input, errors } = inputFromDraft(draftFromForm(posted), { isNew: true });
    expect(errors).toEqual([]);
    expect(input.variants[0]).toMatchObject({ price: 124990, compareAtPrice: 149990, stock: 7, sku: "GML-M", desi: 2.5 });
    expect(input.variants[1]).toMatchObject({ price: 129990, stock: 1250, compareAtPrice: null });
    expect(input).not.toHaveProperty("slug");
    expect(input.vatRate).toBe(10);
    expect(input.translations).toEqual({ en: { title: "Linen Shirt", description: undefined } });
    const parsed = productInputSchema.safeParse(input);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("names the fields it cannot read instead of guessing", () => {
    const draft = emptyDraft();
    draft.title = "Ürün";
    draft.variants = [{ ...(draft.variants[0] as VariantDraft), price: "12,345,6", stock: "beş", desi: "2,555", compareAtPrice: "-5" }];
    const { errors } = inputFromDraft(draft, { isNew: false });
    expect(errors.map((e) => [e.path, e.key]).sort()).toEqual([
      ["variants.0.compareAtPrice", "catalogadmin.error.negative"],
      ["variants.0.desi", "catalogadmin.error.decimal"],
      ["variants.0.price", "catalogadmin.error.money"],
      ["variants.0.stock", "catalogadmin.error.wholeNumber"],
    ]);
    const missing = emptyDraft();
    expect(inputFromDraft(missing, { isNew: true }).errors).toEqual([{ path: "variants.0.price", key: "catalogadmin.error.required" }]);
  });
});

describe("product form: variants", () => {
  const options = [
    { name: "Beden", values: ["S", "M"] },
    { name: "Renk", values: ["Siyah", "Beyaz"] },
  ];

  it("makes every combination in order", () => {
    expect(combinations(options)).toEqual([
      { Beden: "S", Renk: "Siyah" },
      { Beden: "S", Renk: "Beyaz" },
      { Beden: "M", Renk: "Siyah" },
      { Beden: "M", Renk: "Beyaz" },
    ]);
    expect(combinations([])).toEqual([{}]);
  });

  it("keeps existing variants (ids, prices, stock) and starts new ones from the first row's price", () => {
    const existing: VariantDraft[] = [
      {
        ...emptyDraft().variants[0],
        key: "k1",
        id: "v1",
        options: { Beden: "M", Renk: "Siyah" },
        price: "100,00",
        stock: "4",
        sku: "A",
      } as VariantDraft,
    ];
    const rows = generateVariants(options, existing);
    expect(rows).toHaveLength(4);
    const kept = rows.find((r) => r.options.Beden === "M" && r.options.Renk === "Siyah");
    expect(kept).toMatchObject({ id: "v1", price: "100,00", stock: "4", sku: "A" });
    const fresh = rows.find((r) => r.options.Beden === "S" && r.options.Renk === "Beyaz");
    expect(fresh).toMatchObject({ price: "100,00", stock: "0", sku: "" });
    expect(fresh?.id).toBeUndefined();
  });
});

describe("product form: server messages", () => {
  it("recognises the catalog's English messages", () => {
    expect(knownMessage("compareAtPrice must be above price")?.key).toBe("catalogadmin.error.compareAt");
    expect(knownMessage("Too small: expected string to have >=2 characters")).toEqual({ key: "catalogadmin.error.minLength", value: "2" });
    expect(knownMessage('choose one of the "Beden" values')).toEqual({ key: "catalogadmin.error.optionValue", value: "Beden" });
    expect(knownMessage("Something new")).toBeNull();
  });
});
