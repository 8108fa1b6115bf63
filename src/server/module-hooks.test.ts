import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { formatOf } from "./module-hooks.ts";

const require = createRequire(import.meta.url);
const fileUrl = (path: string) => pathToFileURL(path).href;

describe("fast resolve hook: module format", () => {
  it("agrees with each package's own type", () => {
    // drizzle-orm is "type": "module"; pg is CommonJS (no type).
    expect(formatOf(fileUrl(`${process.cwd()}/node_modules/drizzle-orm/sql/sql.js`))).toBe("module");
    expect(formatOf(fileUrl(require.resolve("pg")))).toBe("commonjs");
    expect(formatOf(fileUrl(require.resolve("pg").replace("index.js", "client.js")))).toBe("commonjs");
  });

  it("decides by extension first and leaves files outside node_modules to Node", () => {
    expect(formatOf("file:///x/node_modules/a/b.mjs")).toBe("module");
    expect(formatOf("file:///x/node_modules/a/b.cjs")).toBe("commonjs");
    expect(formatOf("file:///x/node_modules/a/b.json")).toBeNull();
    expect(formatOf(fileUrl(`${process.cwd()}/src/server/app.js`))).toBeNull();
  });
});
