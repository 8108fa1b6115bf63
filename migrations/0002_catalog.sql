CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "banners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"placement" text DEFAULT 'home-hero' NOT NULL,
	"category_id" uuid,
	"title" text NOT NULL,
	"subtitle" text DEFAULT '' NOT NULL,
	"link_url" text,
	"asset_id" uuid,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"price" integer NOT NULL,
	"compare_at_price" integer,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_docs" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"doc" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_listings" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"category_id" uuid,
	"category_path" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"brand_id" uuid,
	"price" integer NOT NULL,
	"compare_at_price" integer,
	"discount_percent" smallint DEFAULT 0 NOT NULL,
	"in_stock" boolean NOT NULL,
	"sold_count" integer DEFAULT 0 NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"attrs" text[] DEFAULT '{}'::text[] NOT NULL,
	"title_key" text NOT NULL,
	"card" jsonb NOT NULL,
	"search" "tsvector" NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"option_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sku" text,
	"barcode" text,
	"price" integer NOT NULL,
	"compare_at_price" integer,
	"stock" integer DEFAULT 0 NOT NULL,
	"weight_grams" integer,
	"desi" numeric(7, 2),
	"media_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_variants_price_nonnegative" CHECK ("product_variants"."price" >= 0),
	CONSTRAINT "product_variants_stock_nonnegative" CHECK ("product_variants"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"tenant_id" uuid NOT NULL,
	"term" text NOT NULL,
	"products" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'ready' NOT NULL,
	"error" text,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"original_key" text NOT NULL,
	"width" integer,
	"height" integer,
	"duration_ms" integer,
	"alt" text DEFAULT '' NOT NULL,
	"renditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"video" jsonb,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_assets_bytes_nonnegative" CHECK ("media_assets"."bytes" >= 0)
);
--> statement-breakpoint
DROP INDEX "products_active_category";--> statement-breakpoint
DROP INDEX "products_active_created";--> statement-breakpoint
DROP INDEX "products_active_sold";--> statement-breakpoint
DROP INDEX "products_active_price";--> statement-breakpoint
DROP INDEX "products_active_featured";--> statement-breakpoint
DROP INDEX "products_active_discounted";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "brand_id" uuid;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "kind" text DEFAULT 'physical' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "external_url" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "external_clicks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "specs" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "seo_title" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "seo_description" text;--> statement-breakpoint
ALTER TABLE "banners" ADD CONSTRAINT "banners_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banners" ADD CONSTRAINT "banners_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banners" ADD CONSTRAINT "banners_asset_id_media_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."media_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_history" ADD CONSTRAINT "price_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_history" ADD CONSTRAINT "price_history_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_history" ADD CONSTRAINT "price_history_variant_id_product_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_docs" ADD CONSTRAINT "product_docs_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_docs" ADD CONSTRAINT "product_docs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_listings" ADD CONSTRAINT "product_listings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_listings" ADD CONSTRAINT "product_listings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_media" ADD CONSTRAINT "product_media_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_media" ADD CONSTRAINT "product_media_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_media" ADD CONSTRAINT "product_media_asset_id_media_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."media_assets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_terms" ADD CONSTRAINT "search_terms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "banners_tenant_placement" ON "banners" USING btree ("tenant_id","placement","position");--> statement-breakpoint
CREATE UNIQUE INDEX "brands_tenant_slug" ON "brands" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "price_history_variant" ON "price_history" USING btree ("variant_id","valid_from");--> statement-breakpoint
CREATE INDEX "price_history_product" ON "price_history" USING btree ("product_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "product_docs_tenant_slug" ON "product_docs" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "product_listings_tenant_slug" ON "product_listings" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "product_listings_category_created" ON "product_listings" USING btree ("tenant_id","category_id","created_at","product_id");--> statement-breakpoint
CREATE INDEX "product_listings_created" ON "product_listings" USING btree ("tenant_id","created_at","product_id");--> statement-breakpoint
CREATE INDEX "product_listings_price" ON "product_listings" USING btree ("tenant_id","price","product_id");--> statement-breakpoint
CREATE INDEX "product_listings_sold" ON "product_listings" USING btree ("tenant_id","sold_count","product_id");--> statement-breakpoint
CREATE INDEX "product_listings_path" ON "product_listings" USING gin ("category_path");--> statement-breakpoint
CREATE INDEX "product_listings_attrs" ON "product_listings" USING gin ("attrs");--> statement-breakpoint
CREATE INDEX "product_listings_search" ON "product_listings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "product_listings_brand" ON "product_listings" USING btree ("tenant_id","brand_id");--> statement-breakpoint
CREATE INDEX "product_media_product" ON "product_media" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "product_media_asset" ON "product_media" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "product_variants_product" ON "product_variants" USING btree ("product_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_tenant_sku" ON "product_variants" USING btree ("tenant_id","sku") WHERE "product_variants"."sku" is not null;--> statement-breakpoint
CREATE INDEX "product_variants_tenant_barcode" ON "product_variants" USING btree ("tenant_id","barcode") WHERE "product_variants"."barcode" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "search_terms_tenant_term" ON "search_terms" USING btree ("tenant_id","term");--> statement-breakpoint
CREATE INDEX "search_terms_trgm" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "media_assets_tenant_created" ON "media_assets" USING btree ("tenant_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "media_assets_tenant_kind" ON "media_assets" USING btree ("tenant_id","kind");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_tenant_updated" ON "products" USING btree ("tenant_id","updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "products_tenant_brand" ON "products" USING btree ("tenant_id","brand_id");--> statement-breakpoint
CREATE INDEX "products_tenant_category" ON "products" USING btree ("tenant_id","category_id");--> statement-breakpoint
CREATE INDEX "products_title_trgm" ON "products" USING gin (lower(translate("title", 'İIıŞşĞğÜüÖöÇçÂâÎîÛû', 'iiissgguuooccaaiiuu')) gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_external_url" CHECK ("products"."kind" <> 'external' or "products"."external_url" is not null);--> statement-breakpoint
-- Data from the issue-2 catalog: brands from the free-text column, one variant per product with its
-- first price, and the product images as media library assets.
INSERT INTO "brands" ("tenant_id", "slug", "name")
  SELECT DISTINCT ON ("tenant_id", trim(both '-' from regexp_replace(lower(translate("brand", 'ÇĞİIÖŞÜçğıöşüÂÎÛâîû', 'CGIIOSUcgiosuAIUaiu')), '[^a-z0-9]+', '-', 'g'))) "tenant_id", trim(both '-' from regexp_replace(lower(translate("brand", 'ÇĞİIÖŞÜçğıöşüÂÎÛâîû', 'CGIIOSUcgiosuAIUaiu')), '[^a-z0-9]+', '-', 'g')), "brand"
  FROM "products" WHERE "brand" IS NOT NULL AND trim(both '-' from regexp_replace(lower(translate("brand", 'ÇĞİIÖŞÜçğıöşüÂÎÛâîû', 'CGIIOSUcgiosuAIUaiu')), '[^a-z0-9]+', '-', 'g')) <> ''
  ORDER BY "tenant_id", trim(both '-' from regexp_replace(lower(translate("brand", 'ÇĞİIÖŞÜçğıöşüÂÎÛâîû', 'CGIIOSUcgiosuAIUaiu')), '[^a-z0-9]+', '-', 'g')), "brand";--> statement-breakpoint
UPDATE "products" p SET "brand_id" = b."id" FROM "brands" b
  WHERE p."brand" IS NOT NULL AND b."tenant_id" = p."tenant_id" AND b."slug" = trim(both '-' from regexp_replace(lower(translate(p."brand", 'ÇĞİIÖŞÜçğıöşüÂÎÛâîû', 'CGIIOSUcgiosuAIUaiu')), '[^a-z0-9]+', '-', 'g'));--> statement-breakpoint
INSERT INTO "product_variants" ("tenant_id", "product_id", "price", "compare_at_price", "stock", "created_at", "updated_at")
  SELECT "tenant_id", "id", "price", "compare_at_price", greatest("stock", 0), "created_at", "updated_at" FROM "products";--> statement-breakpoint
INSERT INTO "price_history" ("tenant_id", "product_id", "variant_id", "price", "compare_at_price", "valid_from")
  SELECT "tenant_id", "product_id", "id", "price", "compare_at_price", "created_at" FROM "product_variants";--> statement-breakpoint
INSERT INTO "media_assets" ("id", "tenant_id", "kind", "status", "filename", "content_type", "original_key", "width", "height", "alt", "renditions", "bytes", "created_at", "updated_at")
  SELECT i."id", i."tenant_id", 'image', 'ready', 'image-' || (i."position" + 1), 'image/webp', i."variants"->0->>'key', i."width", i."height", i."alt",
    jsonb_build_array(jsonb_build_object('preset', 'product', 'crop', jsonb_build_object('left', 0, 'top', 0, 'width', i."width", 'height', i."height"),
      'width', i."width", 'height', i."height", 'variants', i."variants")),
    coalesce((SELECT sum((v->>'bytes')::bigint) FROM jsonb_array_elements(i."variants") v), 0), i."created_at", i."created_at"
  FROM "product_images" i WHERE jsonb_array_length(i."variants") > 0;--> statement-breakpoint
INSERT INTO "product_media" ("tenant_id", "product_id", "asset_id", "position", "alt", "created_at")
  SELECT i."tenant_id", i."product_id", i."id", i."position", i."alt", i."created_at"
  FROM "product_images" i WHERE jsonb_array_length(i."variants") > 0;--> statement-breakpoint
DROP TABLE "product_images" CASCADE;--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "brand";
