import { z } from "zod";
import { productKinds, productStatus, saleModes } from "./schema.ts";

const MAX_MONEY = 1_000_000_000;
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const money = z.number().int().min(0).max(MAX_MONEY);

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(160)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");

const optionName = text(40).min(1);
const optionValue = text(60).min(1);

export const variantInputSchema = z
  .object({
    id: z.uuid().optional(),
    options: z.record(optionName, optionValue).default({}),
    sku: optionalText(64),
    barcode: z
      .string()
      .trim()
      .regex(/^\d{8}$|^\d{12,14}$/, "a GTIN has 8, 12, 13 or 14 digits")
      .nullish()
      .or(z.literal("").transform(() => null)),
    price: money.describe("KDV-inclusive price in minor units (kuruş)"),
    compareAtPrice: money.nullish().describe("Former price in minor units; shown as a discount when above price"),
    stock: z.number().int().min(0).max(10_000_000),
    weightGrams: z.number().int().min(0).max(1_000_000).nullish(),
    desi: z.number().min(0).max(10_000).nullish(),
    /** Position in `media` of the image shown for this variant. */
    mediaIndex: z.number().int().min(0).max(20).nullish(),
  })
  .refine((v) => v.compareAtPrice == null || v.compareAtPrice === 0 || v.compareAtPrice > v.price, {
    message: "compareAtPrice must be above price",
    path: ["compareAtPrice"],
  });

const translationSchema = z
  .object({
    title: text(200).optional(),
    description: z.string().max(50_000).optional(),
    seoTitle: text(120).optional(),
    seoDescription: text(320).optional(),
  })
  .partial();

export const productFieldsSchema = z.object({
  title: text(200).min(2),
  slug: slugSchema.optional(),
  description: z.string().max(50_000).default(""),
  translations: z.object({ en: translationSchema.optional() }).partial().default({}),
  status: z.enum(productStatus).default("draft"),
  kind: z.enum(productKinds).default("physical"),
  saleMode: z.enum(saleModes).default("normal").describe("backorder / preorder: orders beyond stock wait in the pending-order queue"),
  externalUrl: z
    .url({ protocol: /^https?$/, message: "use an http(s) address" })
    .max(2000)
    .nullish()
    .or(z.literal("").transform(() => null)),
  brandId: z.uuid().nullish(),
  categoryId: z.uuid().nullish(),
  tags: z.array(text(40).min(1)).max(30).default([]),
  specs: z
    .array(z.object({ name: text(60).min(1), value: text(300).min(1), facet: z.boolean().optional() }))
    .max(60)
    .default([]),
  options: z
    .array(z.object({ name: optionName, values: z.array(optionValue).min(1).max(50) }))
    .max(3)
    .default([]),
  vatRate: z.union([z.literal(0), z.literal(1), z.literal(10), z.literal(20)]).default(20),
  featured: z.boolean().default(false),
  seoTitle: optionalText(120),
  seoDescription: optionalText(320),
  variants: z.array(variantInputSchema).min(1).max(250),
  media: z
    .array(z.object({ assetId: z.uuid(), alt: text(200).optional() }))
    .max(20)
    .default([]),
});

/** A product with its variants and media, as the admin, the REST API and CSV import send it. */
export const productInputSchema = productFieldsSchema.superRefine((p, ctx) => {
  if (p.kind === "external" && !p.externalUrl)
    ctx.addIssue({ code: "custom", path: ["externalUrl"], message: "an external product needs the link to sell it at" });
  const names = p.options.map((o) => o.name.toLocaleLowerCase("tr-TR"));
  if (new Set(names).size !== names.length) ctx.addIssue({ code: "custom", path: ["options"], message: "option names must differ" });
  const seen = new Set<string>();
  const skus = new Set<string>();
  p.variants.forEach((v, i) => {
    for (const option of p.options) {
      const value = v.options[option.name];
      if (!value || !option.values.includes(value))
        ctx.addIssue({
          code: "custom",
          path: ["variants", i, "options", option.name],
          message: `choose one of the "${option.name}" values`,
        });
    }
    for (const name of Object.keys(v.options))
      if (!p.options.some((o) => o.name === name))
        ctx.addIssue({ code: "custom", path: ["variants", i, "options", name], message: `"${name}" is not an option of the product` });
    const combination = JSON.stringify(p.options.map((o) => v.options[o.name] ?? ""));
    if (seen.has(combination))
      ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: "two variants have the same option values" });
    seen.add(combination);
    if (v.sku) {
      if (skus.has(v.sku)) ctx.addIssue({ code: "custom", path: ["variants", i, "sku"], message: "SKU used twice in the product" });
      skus.add(v.sku);
    }
    if (v.mediaIndex != null && v.mediaIndex >= p.media.length)
      ctx.addIssue({ code: "custom", path: ["variants", i, "mediaIndex"], message: "no product image at that position" });
  });
  if (p.options.length === 0 && p.variants.length > 1)
    ctx.addIssue({ code: "custom", path: ["variants"], message: "a product without options has exactly one variant" });
});

export type ProductInput = z.output<typeof productInputSchema>;
export type ProductInputRaw = z.input<typeof productInputSchema>;
export type VariantInput = z.output<typeof variantInputSchema>;
