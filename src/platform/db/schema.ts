// Every table Kervan owns, gathered for Drizzle and drizzle-kit. Modules own their tables.

export * from "../../modules/accounts/schema.ts";
export * from "../../modules/audit/schema.ts";
export * from "../../modules/cart/schema.ts";
export * from "../../modules/catalog/schema.ts";
export * from "../../modules/customers/schema.ts";
export * from "../../modules/media/schema.ts";
export * from "../../modules/orders/schema.ts";
export * from "../../modules/payments/schema.ts";
export * from "../../modules/promotions/schema.ts";
export * from "../../modules/shipping/schema.ts";
export * from "../../modules/tenants/schema.ts";
export * from "../../platform/mail/schema.ts";
