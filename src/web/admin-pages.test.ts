import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPermission } from "../modules/accounts/permissions.ts";

// Every admin page checks a permission in its loader and its action, as every admin API route
// does (which app.ts enforces at start-up). Pages are source files, so the check reads them.

const dir = path.join(import.meta.dirname, "routes", "admin");
/** Pages every staff member (or visitor) may open. */
const OPEN = new Set(["sign-in.tsx", "not-found.tsx"]);

/** The source of an exported function, up to the next top-level export. */
function exported(source: string, name: "loader" | "action"): string | null {
  const start = source.search(new RegExp(`export (async )?function ${name}\\b`));
  if (start < 0) return null;
  const next = source.slice(start + 1).search(/\nexport /);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

describe("admin pages", () => {
  const pages = readdirSync(dir).filter((f) => f.endsWith(".tsx") && !OPEN.has(f));

  it("are found", () => {
    expect(pages.length).toBeGreaterThanOrEqual(9);
  });

  for (const file of pages) {
    it(`${file} checks a known permission in its loader and action`, () => {
      const source = readFileSync(path.join(dir, file), "utf8");
      const loader = exported(source, "loader");
      expect(loader, `${file} has no loader`).not.toBeNull();
      for (const [name, body] of [
        ["loader", loader],
        ["action", exported(source, "action")],
      ] as const) {
        if (body === null) continue;
        const used = [...body.matchAll(/requirePermission\(context, "([^"]+)"\)/g)].map((m) => m[1]);
        expect(used.length, `${file}: the ${name} does not call requirePermission(context, "…")`).toBeGreaterThan(0);
        for (const permission of used) expect(isPermission(permission), `${file}: unknown permission ${permission}`).toBe(true);
      }
    });
  }
});
