// Every table Kervan owns, gathered for Drizzle and drizzle-kit. Modules own their tables.
export * from "../../modules/catalog/schema.ts";
export * from "../../modules/tenants/schema.ts";
