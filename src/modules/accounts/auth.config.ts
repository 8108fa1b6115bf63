// Used only by the `auth` CLI to (re)generate the better-auth tables; the app calls createAuth().
//   npx auth generate --config src/modules/accounts/auth.config.ts --output /tmp/auth-schema.ts -y
//   npx auth check --config src/modules/accounts/auth.config.ts
import type { Db } from "../../platform/db/index.ts";
import { createAuth } from "./auth.ts";

export const auth = createAuth({
  db: {} as Db,
  secret: "cli-only-secret-never-used-at-runtime-0000",
  baseUrl: "http://localhost:3000",
});
