// The signed-in customer's own data: profile, addresses, KVKK export and deletion.
// Types only: the server implements this in src/server/web/account.ts and passes it through the
// request context (see ../context.ts).

export interface AccountWeb {}
