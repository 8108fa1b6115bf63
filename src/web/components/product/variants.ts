// Variant choice on the product page: which variant a URL means, and what each option value does.

import type { VariantDetail } from "../../../modules/catalog/types.ts";

export interface OptionGroup {
  name: string;
  values: string[];
}

/**
 * - `available`: this value with the other chosen options is a variant in stock;
 * - `soldOut`: that variant exists but is out of stock;
 * - `unavailable`: no variant has this value with the other chosen options, but choosing it
 *   switches to the closest variant that has it;
 * - `none`: no variant has this value at all (disabled).
 */
export type OptionValueState = "available" | "soldOut" | "unavailable" | "none";

export interface OptionValueChoice {
  value: string;
  state: OptionValueState;
  selected: boolean;
  /** The variant choosing this value leads to (null for `none`). */
  target: VariantDetail | null;
}

export interface OptionGroupChoice {
  name: string;
  values: OptionValueChoice[];
}

/** The variant shown when none is chosen (and without JS): the cheapest in stock, else the cheapest. */
export function defaultVariant(variants: readonly VariantDetail[]): VariantDetail | null {
  const cheapest = (list: readonly VariantDetail[]) =>
    list.reduce<VariantDetail | null>((best, v) => (best === null || v.price < best.price ? v : best), null);
  return cheapest(variants.filter((v) => v.inStock)) ?? cheapest(variants);
}

/** The variant `?v=<id>` names, or the default one when it is missing or unknown. */
export function selectVariant(variants: readonly VariantDetail[], id: string | null | undefined): VariantDetail | null {
  return (id ? variants.find((v) => v.id === id) : undefined) ?? defaultVariant(variants);
}

/** Option groups in the product's order; derived from the variants when the product lists none. */
export function optionGroupsOf(options: readonly OptionGroup[], variants: readonly VariantDetail[]): OptionGroup[] {
  const groups = options.filter((o) => o.values.length > 0).map((o) => ({ name: o.name, values: [...o.values] }));
  const byName = new Map(groups.map((g) => [g.name, g]));
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.options)) {
      let group = byName.get(name);
      if (!group) {
        group = { name, values: [] };
        byName.set(name, group);
        groups.push(group);
      }
      if (!group.values.includes(value)) group.values.push(value);
    }
  }
  return groups;
}

/** How many of `others` the variant shares with the selection (options other than `skip`). */
function sharedOptions(variant: VariantDetail, selection: Record<string, string>, skip: string): number {
  let count = 0;
  for (const [name, value] of Object.entries(selection)) {
    if (name !== skip && variant.options[name] === value) count++;
  }
  return count;
}

/** Every option value with the variant it leads to from the current selection, and its state. */
export function optionChoices(
  groups: readonly OptionGroup[],
  variants: readonly VariantDetail[],
  selected: VariantDetail | null,
): OptionGroupChoice[] {
  const selection = selected?.options ?? {};
  return groups.map((group) => ({
    name: group.name,
    values: group.values.map((value): OptionValueChoice => {
      const wanted = { ...selection, [group.name]: value };
      const exact = variants.find((v) => groups.every((g) => v.options[g.name] === wanted[g.name]));
      const isSelected = selection[group.name] === value;
      if (exact) return { value, state: exact.inStock ? "available" : "soldOut", selected: isSelected, target: exact };
      // The closest variant with this value: most other options kept, in stock first, then cheapest.
      const candidates = variants.filter((v) => v.options[group.name] === value);
      const target = candidates.reduce<VariantDetail | null>((best, v) => {
        if (!best) return v;
        const a = sharedOptions(v, selection, group.name);
        const b = sharedOptions(best, selection, group.name);
        if (a !== b) return a > b ? v : best;
        if (v.inStock !== best.inStock) return v.inStock ? v : best;
        return v.price < best.price ? v : best;
      }, null);
      return { value, state: target ? "unavailable" : "none", selected: isSelected, target };
    }),
  }));
}

/** `S / Siyah`, or the SKU, for a variant in a list. */
export function variantLabel(variant: VariantDetail): string {
  const values = Object.values(variant.options);
  return values.length > 0 ? values.join(" / ") : (variant.sku ?? "");
}

/** Lowest and highest variant price (the product price when there are no variants). */
export function priceRange(variants: readonly VariantDetail[], fallback: number): { low: number; high: number } {
  if (variants.length === 0) return { low: fallback, high: fallback };
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const v of variants) {
    low = Math.min(low, v.price);
    high = Math.max(high, v.price);
  }
  return { low, high };
}

/** `/urun/<slug>?v=<id>`, keeping any other query parameters of `search`. */
export function variantHref(pathname: string, search: string, variantId: string): string {
  const params = new URLSearchParams(search);
  params.set("v", variantId);
  return `${pathname}?${params.toString()}`;
}
