import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, createTestApp, type TestApp } from "../../../test/app.ts";
import { requester, staffSession } from "../../../test/people.ts";
import { auditEvents } from "../audit/schema.ts";
import { brands, categories, products } from "./schema.ts";

const A = "tax-a.test";
const B = "tax-b.test";

type Category = {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  nameEn: string | null;
  position: number;
  productCount: number;
  childCount: number;
};

describe("categories and brands admin API", () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let ownerA: { cookie: string };
  let ownerB: { cookie: string };
  let support: { cookie: string };
  let seededCategoryA: string;
  let productA: string;
  const reqA = () => requester(t, A);
  const reqB = () => requester(t, B);

  const auditOf = (tenantId: string, type: string) =>
    t.kernel.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.type, type)));

  const list = async (): Promise<Category[]> => (await reqA()("GET", "/api/admin/categories", ownerA.cookie)).json().items;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: "false" });
    const a = await createStore(t.kernel, "tax-a", [A], 2);
    const b = await createStore(t.kernel, "tax-b", [B], 1);
    tenantA = a.tenant.id;
    tenantB = b.tenant.id;
    seededCategoryA = a.category.id;
    productA = a.products[0]?.id as string;
    ownerA = await staffSession(t, tenantA, A, "owner@tax-a.test", "owner");
    ownerB = await staffSession(t, tenantB, B, "owner@tax-b.test", "owner");
    support = await staffSession(t, tenantA, A, "support@tax-a.test", "support");
  });

  afterAll(() => t?.close());

  it("creates categories with Turkish slugs, numbered when taken, children last among siblings", async () => {
    const giyim = await reqA()("POST", "/api/admin/categories", ownerA.cookie, {
      name: "Giyim & Aksesuar",
      translations: { en: { name: "Clothing" } },
    });
    expect(giyim.statusCode).toBe(201);
    expect(giyim.json()).toMatchObject({ slug: "giyim-aksesuar", name: "Giyim & Aksesuar", nameEn: "Clothing", parentId: null });
    const parent = giyim.json().id as string;

    const first = await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Çocuk Işıklı Ayakkabı", parentId: parent });
    expect(first.json()).toMatchObject({ slug: "cocuk-isikli-ayakkabi", parentId: parent, position: 0 });
    const again = await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "ÇOCUK IŞIKLI AYAKKABI", parentId: parent });
    expect(again.json()).toMatchObject({ slug: "cocuk-isikli-ayakkabi-2", position: 1 });

    // a slug the caller chose that is taken is refused, not renamed
    const clash = await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Başka", slug: "giyim-aksesuar" });
    expect(clash.statusCode).toBe(409);
    expect(clash.headers["content-type"]).toContain("application/problem+json");
    expect(clash.json().errors).toEqual([expect.objectContaining({ path: "slug" })]);

    const tree = await list();
    const ids = tree.map((c) => c.id);
    expect(ids.indexOf(parent)).toBeLessThan(ids.indexOf(first.json().id));
    expect(tree.find((c) => c.id === parent)).toMatchObject({ childCount: 2, productCount: 0 });
    expect(tree.find((c) => c.id === seededCategoryA)).toMatchObject({ productCount: 2 });

    const [event] = await auditOf(tenantA, "category.create");
    expect(event).toMatchObject({ actorEmail: "owner@tax-a.test", targetType: "category" });
  });

  it("refuses bad input with 4xx problems", async () => {
    expect((await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "" })).statusCode).toBe(400);
    expect((await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "X", slug: "Büyük Harf" })).statusCode).toBe(400);
    expect((await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "X", parentId: "nope" })).statusCode).toBe(400);
    const unknownParent = await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "X", parentId: crypto.randomUUID() });
    expect(unknownParent.statusCode).toBe(422);
    expect((await reqA()("PATCH", `/api/admin/categories/${seededCategoryA}`, ownerA.cookie, {})).statusCode).toBe(400);
    expect((await reqA()("POST", `/api/admin/categories/${seededCategoryA}/move`, ownerA.cookie, { direction: "left" })).statusCode).toBe(
      400,
    );
    expect((await reqA()("PATCH", `/api/admin/categories/${crypto.randomUUID()}`, ownerA.cookie, { name: "Y" })).statusCode).toBe(404);
    // reading is allowed to support staff, writing is not
    expect((await reqA()("GET", "/api/admin/categories", support.cookie)).statusCode).toBe(200);
    expect((await reqA()("POST", "/api/admin/categories", support.cookie, { name: "Z" })).statusCode).toBe(403);
    expect((await reqA()("GET", "/api/admin/categories")).statusCode).toBe(401);
  });

  it("renames, moves and reorders; refuses cycles", async () => {
    const root = (await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Ev" })).json() as Category;
    const one = (await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Mutfak", parentId: root.id })).json() as Category;
    const two = (await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Banyo", parentId: root.id })).json() as Category;
    const three = (await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Bahçe", parentId: root.id })).json() as Category;

    const renamed = await reqA()("PATCH", `/api/admin/categories/${one.id}`, ownerA.cookie, {
      name: "Mutfak Gereçleri",
      translations: { en: { name: "Kitchen" } },
    });
    expect(renamed.statusCode).toBe(200);
    // the address stays: renaming does not break links
    expect(renamed.json()).toMatchObject({ name: "Mutfak Gereçleri", slug: "mutfak", nameEn: "Kitchen" });
    const [update] = await auditOf(tenantA, "category.update");
    expect(update?.before).toMatchObject({ name: "Mutfak", nameEn: null });
    expect(update?.after).toMatchObject({ name: "Mutfak Gereçleri", nameEn: "Kitchen" });

    const up = await reqA()("POST", `/api/admin/categories/${three.id}/move`, ownerA.cookie, { direction: "up" });
    expect(up.json().position).toBe(1);
    const order = (await list()).filter((c) => c.parentId === root.id).map((c) => c.name);
    expect(order).toEqual(["Mutfak Gereçleri", "Bahçe", "Banyo"]);
    // the first one cannot go further up
    expect((await reqA()("POST", `/api/admin/categories/${one.id}/move`, ownerA.cookie, { direction: "up" })).json().position).toBe(0);
    expect(await auditOf(tenantA, "category.reorder")).toHaveLength(1);

    const toFront = await reqA()("PATCH", `/api/admin/categories/${two.id}`, ownerA.cookie, { position: 0 });
    expect(toFront.json().position).toBe(0);
    expect((await list()).filter((c) => c.parentId === root.id).map((c) => c.name)).toEqual(["Banyo", "Mutfak Gereçleri", "Bahçe"]);

    const moved = await reqA()("PATCH", `/api/admin/categories/${one.id}`, ownerA.cookie, { parentId: two.id });
    expect(moved.json()).toMatchObject({ parentId: two.id, position: 0 });
    expect(await auditOf(tenantA, "category.move")).toHaveLength(1);
    const cycle = await reqA()("PATCH", `/api/admin/categories/${root.id}`, ownerA.cookie, { parentId: one.id });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().detail).toMatch(/cannot move under itself/);
    const self = await reqA()("PATCH", `/api/admin/categories/${root.id}`, ownerA.cookie, { parentId: root.id });
    expect(self.statusCode).toBe(409);
    const toTop = await reqA()("PATCH", `/api/admin/categories/${one.id}`, ownerA.cookie, { parentId: null });
    expect(toTop.json().parentId).toBeNull();
  });

  it("re-projects the products of a renamed category through the job queue", async () => {
    const jobsOf = async () =>
      (
        (await t.kernel.db.execute(sql`select data from pgboss.job where name = 'catalog.project'`)) as unknown as {
          rows: { data: { tenantId: string; productIds?: string[] } }[];
        }
      ).rows;
    const n0 = (await jobsOf()).length;
    const res = await reqA()("PATCH", `/api/admin/categories/${seededCategoryA}`, ownerA.cookie, { name: "Yeni Ad" });
    expect(res.statusCode).toBe(200);
    const jobs = await jobsOf();
    expect(jobs.length).toBeGreaterThan(n0);
    expect(jobs.some((j) => j.data.tenantId === tenantA && j.data.productIds?.includes(productA))).toBe(true);
  });

  it("refuses to delete a category with subcategories or products (409) and deletes an empty one", async () => {
    const parent = (await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Silinecek" })).json() as Category;
    const child = (await reqA()("POST", "/api/admin/categories", ownerA.cookie, { name: "Alt", parentId: parent.id })).json() as Category;

    const withChild = await reqA()("DELETE", `/api/admin/categories/${parent.id}`, ownerA.cookie);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().detail).toMatch(/has 1 subcategories/);

    const withProducts = await reqA()("DELETE", `/api/admin/categories/${seededCategoryA}`, ownerA.cookie);
    expect(withProducts.statusCode).toBe(409);
    expect(withProducts.json().detail).toMatch(/has 2 products/);

    expect((await reqA()("DELETE", `/api/admin/categories/${child.id}`, ownerA.cookie)).statusCode).toBe(204);
    expect((await reqA()("DELETE", `/api/admin/categories/${parent.id}`, ownerA.cookie)).statusCode).toBe(204);
    expect((await reqA()("DELETE", `/api/admin/categories/${parent.id}`, ownerA.cookie)).statusCode).toBe(404);
    const deleted = await auditOf(tenantA, "category.delete");
    expect(deleted.map((e) => e.summary).sort()).toEqual(["Alt", "Silinecek"]);
  });

  it("creates, renames and deletes brands; refuses duplicates and brands in use", async () => {
    const created = await reqA()("POST", "/api/admin/brands", ownerA.cookie, { name: "Işıl Tekstil" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "Işıl Tekstil", slug: "isil-tekstil", productCount: 0 });
    const brandId = created.json().id as string;

    const duplicate = await reqA()("POST", "/api/admin/brands", ownerA.cookie, { name: "IŞIL TEKSTİL" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toMatch(/already a brand/);
    expect((await reqA()("POST", "/api/admin/brands", ownerA.cookie, { name: "  " })).statusCode).toBe(400);

    await t.kernel.db.update(products).set({ brandId }).where(eq(products.id, productA));
    const other = (await reqA()("POST", "/api/admin/brands", ownerA.cookie, { name: "Ağaç" })).json();
    const listed = (await reqA()("GET", "/api/admin/brands", ownerA.cookie)).json().items as { name: string; productCount: number }[];
    // Turkish order: A < Ç … I < İ
    expect(listed.map((b) => b.name)).toEqual(["Ağaç", "Işıl Tekstil"]);
    expect(listed.find((b) => b.name === "Işıl Tekstil")?.productCount).toBe(1);

    const renamed = await reqA()("PATCH", `/api/admin/brands/${brandId}`, ownerA.cookie, { name: "Işıl", slug: "isil" });
    expect(renamed.json()).toMatchObject({ name: "Işıl", slug: "isil", productCount: 1 });
    const slugClash = await reqA()("PATCH", `/api/admin/brands/${other.id}`, ownerA.cookie, { slug: "isil" });
    expect(slugClash.statusCode).toBe(409);
    const [update] = await auditOf(tenantA, "brand.update");
    expect(update).toMatchObject({ before: { name: "Işıl Tekstil", slug: "isil-tekstil" }, after: { name: "Işıl", slug: "isil" } });

    const inUse = await reqA()("DELETE", `/api/admin/brands/${brandId}`, ownerA.cookie);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().detail).toMatch(/brand of 1 products/);
    expect((await reqA()("DELETE", `/api/admin/brands/${other.id}`, ownerA.cookie)).statusCode).toBe(204);
    expect(await auditOf(tenantA, "brand.delete")).toHaveLength(1);
  });

  it("keeps stores apart: another store's categories and brands cannot be read or changed", async () => {
    const [brandA] = await t.kernel.db.select().from(brands).where(eq(brands.tenantId, tenantA)).limit(1);
    const listedB = (await reqB()("GET", "/api/admin/categories", ownerB.cookie)).json().items as Category[];
    expect(listedB.map((c) => c.id)).not.toContain(seededCategoryA);
    expect(listedB).toHaveLength(1);
    expect((await reqB()("GET", "/api/admin/brands", ownerB.cookie)).json().items).toEqual([]);

    expect((await reqB()("PATCH", `/api/admin/categories/${seededCategoryA}`, ownerB.cookie, { name: "Ele geçirildi" })).statusCode).toBe(
      404,
    );
    expect((await reqB()("POST", `/api/admin/categories/${seededCategoryA}/move`, ownerB.cookie, { direction: "up" })).statusCode).toBe(
      404,
    );
    expect((await reqB()("DELETE", `/api/admin/categories/${seededCategoryA}`, ownerB.cookie)).statusCode).toBe(404);
    expect((await reqB()("POST", "/api/admin/categories", ownerB.cookie, { name: "Alt", parentId: seededCategoryA })).statusCode).toBe(422);
    expect((await reqB()("PATCH", `/api/admin/brands/${brandA?.id}`, ownerB.cookie, { name: "Ele geçirildi" })).statusCode).toBe(404);
    expect((await reqB()("DELETE", `/api/admin/brands/${brandA?.id}`, ownerB.cookie)).statusCode).toBe(404);
    // A's staff cookie means nothing on B's host
    expect((await reqB()("GET", "/api/admin/categories", ownerA.cookie)).statusCode).toBe(403);

    const [cat] = await t.kernel.db.select().from(categories).where(eq(categories.id, seededCategoryA));
    expect(cat?.name).toBe("Yeni Ad");
    // the same slug may exist in both stores
    const sameSlug = await reqB()("POST", "/api/admin/brands", ownerB.cookie, { name: "Işıl", slug: "isil" });
    expect(sameSlug.statusCode).toBe(201);
  });
});
