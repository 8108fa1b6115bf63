// Builds the React Router front end (build/) when it is missing or older than its sources.
// Used by `npm start` (scripts/run.mjs) and the browser tests (e2e/server.ts).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
/** What the Vite build reads: the web app, its static files, the pure helpers it imports, its configs. */
const SOURCES = ["src/web", "public", "src/platform/money.ts", "vite.config.ts", "react-router.config.ts", "package-lock.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Returns false (after printing why) when a needed build failed. */
export function ensureWebBuild(options: { quiet?: boolean } = {}): boolean {
  const built = newestMtime(path.join(root, process.env.KERVAN_BUILD_DIR ?? "build", "server/index.js"));
  const sources = Math.max(...SOURCES.map((p) => newestMtime(path.join(root, p))));
  if (built > 0 && built >= sources) return true;
  if (!options.quiet) console.log(built ? "Web sources changed: rebuilding the front end…" : "Building the front end (first start)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@react-router/dev/bin.cjs"), "build"], {
    cwd: root,
    stdio: options.quiet ? "pipe" : "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0 && options.quiet) process.stderr.write(result.stderr);
  return result.status === 0;
}
