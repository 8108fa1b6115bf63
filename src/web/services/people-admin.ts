// Admin of customers, staff, the audit log and store security settings.
// Types only: the server implements this in src/server/web/people-admin.ts and passes it through the
// request context (see ../context.ts).

export interface PeopleAdmin {}
