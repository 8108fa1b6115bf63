// Admin of the store's API keys.
// Types only: the server implements this in src/server/web/api-keys.ts and passes it through the
// request context (see ../context.ts).

export interface ApiKeysAdmin {}
