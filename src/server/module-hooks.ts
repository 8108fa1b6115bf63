// Faster module loading for the server process.
//
// Node's default ESM resolver looks up the enclosing package.json for every relative import
// inside a dependency, and re-reads large package.json files each time: drizzle-orm's (180 KB,
// one export per file) alone costs ~0.8 s at start-up on a small machine. For relative imports
// with an explicit extension inside node_modules the answer is plain URL arithmetic; this hook
// gives it, with each package's module type read once.
import { readFileSync } from "node:fs";
import { registerHooks } from "node:module";

const packageTypes = new Map<string, "module" | "commonjs">();

function packageRoot(url: string): string | null {
  const at = url.lastIndexOf("/node_modules/");
  if (at === -1) return null;
  const rest = url.slice(at + "/node_modules/".length).split("/");
  const depth = rest[0]?.startsWith("@") ? 2 : 1;
  if (rest.length <= depth) return null;
  return `${url.slice(0, at)}/node_modules/${rest.slice(0, depth).join("/")}`;
}

/** The format Node would give `url`: by extension, else by the nearest package.json's "type". */
export function formatOf(url: string): "module" | "commonjs" | null {
  if (url.endsWith(".mjs")) return "module";
  if (url.endsWith(".cjs")) return "commonjs";
  if (!url.endsWith(".js")) return null;
  const root = packageRoot(url);
  if (!root) return null;
  // The nearest package.json decides (a nested one, e.g. dist/esm/package.json, may override the
  // root's); every folder walked remembers the answer.
  const walked: string[] = [];
  let dir = url.slice(0, url.lastIndexOf("/"));
  let type: "module" | "commonjs" | undefined;
  for (;;) {
    type = packageTypes.get(dir);
    if (type) break;
    walked.push(dir);
    let json: string | null = null;
    try {
      json = readFileSync(new URL(`${dir}/package.json`), "utf8");
    } catch {
      // no package.json here: look further up
    }
    if (json !== null) {
      try {
        type = (JSON.parse(json) as { type?: string }).type === "module" ? "module" : "commonjs";
      } catch {
        return null;
      }
      break;
    }
    if (dir.length <= root.length) return null;
    dir = dir.slice(0, dir.lastIndexOf("/"));
  }
  for (const d of walked) packageTypes.set(d, type);
  return type;
}

export function registerFastResolve(): void {
  registerHooks({
    resolve(specifier, context, next) {
      const parent = context.parentURL;
      if (
        parent?.startsWith("file://") &&
        parent.includes("/node_modules/") &&
        (specifier.startsWith("./") || specifier.startsWith("../"))
      ) {
        const url = new URL(specifier, parent).href;
        const format = formatOf(url);
        if (format) return { url, format, shortCircuit: true };
      }
      return next(specifier, context);
    },
  });
}
