import type { AdminCategory } from "../../services/catalog-admin.ts";

/** Depth of each category in a tree-ordered list (parents before children). */
export function withDepth(categories: AdminCategory[]): (AdminCategory & { depth: number })[] {
  const depth = new Map<string, number>();
  return categories.map((c) => {
    const d = c.parentId ? (depth.get(c.parentId) ?? -1) + 1 : 0;
    depth.set(c.id, d);
    return { ...c, depth: d };
  });
}

/** "Giyim › Kadın › Elbise" for a category. */
export function categoryPath(categories: AdminCategory[], id: string | null | undefined): string {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const names: string[] = [];
  for (let c = id ? byId.get(id) : undefined; c && names.length < 20; c = c.parentId ? byId.get(c.parentId) : undefined)
    names.unshift(c.name);
  return names.join(" › ");
}

/**
 * The category tree as the options of a native <select> (keyboard, screen readers and phones
 * handle it well, and it works without JavaScript): children indented under their parents.
 */
export function CategoryOptions({ categories, exclude }: { categories: AdminCategory[]; exclude?: (c: AdminCategory) => boolean }) {
  return (
    <>
      {withDepth(categories)
        .filter((c) => !exclude?.(c))
        .map((c) => (
          <option key={c.id} value={c.id}>
            {`${"\u00a0\u00a0\u00a0".repeat(c.depth)}${c.depth > 0 ? "└ " : ""}${c.name}`}
          </option>
        ))}
    </>
  );
}
