// Entry for npm scripts: builds the web front end when it is missing or older than its sources,
// then runs the command with Node (which runs TypeScript natively from 22.18 on).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWebBuild } from "./web-build.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nodeFlags = ["--disable-warning=ExperimentalWarning"];

function run(script, args = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, path.join(root, script), ...args], { cwd: root, stdio: "inherit" });
  process.exit(result.status ?? (result.signal ? 1 : 0));
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case "start":
    if (!ensureWebBuild()) process.exit(1);
    run("src/server/main.ts", args);
    break;
  case "seed":
    run("src/modules/demo/cli.ts", args);
    break;
  case "migrate":
    run("src/server/migrate.ts", args);
    break;
  case "bench":
    // `npm run bench -- checkout [options]`: the cart and checkout benches (bench/checkout.ts).
    if (args[0] === "checkout") run("bench/checkout.ts", args.slice(1));
    else run("bench/run.ts", args);
    break;
  default:
    console.error(`Unknown command "${command}". Use start, seed, migrate or bench.`);
    process.exit(2);
}
