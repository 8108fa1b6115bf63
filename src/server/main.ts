// The Kervan process. Speeds up module loading (Node's on-disk compile cache, and the resolver
// hook in module-hooks.ts) before anything else is loaded, then starts the server.
import module from "node:module";
import { registerFastResolve } from "./module-hooks.ts";

module.enableCompileCache?.();
registerFastResolve();
await import("./start.ts");
