// Entry for npm scripts: builds the web front end when it is missing or older than its sources,
// then runs the command with Node (which runs TypeScript natively from 22.18 on).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nodeFlags = ["--disable-warning=ExperimentalWarning"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function ensureWebBuild() {
  const built = newestMtime(path.join(root, "build/server/index.js"));
  const sources = Math.max(
    ...["src/web", "src/platform/money.ts", "vite.config.ts", "react-router.config.ts", "package-lock.json"].map((p) =>
      newestMtime(path.join(root, p)),
    ),
  );
  if (built > 0 && built >= sources) return;
  console.log(built ? "Web sources changed: rebuilding the front end…" : "Building the front end (first start)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@react-router/dev/bin.cjs"), "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function run(script, args = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, path.join(root, script), ...args], { cwd: root, stdio: "inherit" });
  process.exit(result.status ?? (result.signal ? 1 : 0));
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case "start":
    ensureWebBuild();
    run("src/server/main.ts", args);
    break;
  case "seed":
    run("src/modules/demo/cli.ts", args);
    break;
  case "migrate":
    run("src/server/migrate.ts", args);
    break;
  case "bench":
    run("bench/run.ts", args);
    break;
  default:
    console.error(`Unknown command "${command}". Use start, seed, migrate or bench.`);
    process.exit(2);
}
