// Sign-in, sign-up, password reset, two-factor and sessions (wraps better-auth). Owned by the identity pages.
// Types only: the server implements this in src/server/web/identity.ts and passes it through the
// request context (see ../context.ts).

export interface IdentityWeb {}
