import type { AuthProvider, CreateAuthOptions } from "./auth.ts";

/** Creates the auth instance on first call (loading better-auth then), and the same one after. */
export function lazyAuth(options: CreateAuthOptions): AuthProvider {
  let instance: ReturnType<AuthProvider> | null = null;
  return () => {
    instance ??= import("./auth.ts").then(({ createAuth }) => createAuth(options));
    return instance;
  };
}
