import clsx from "clsx";
import { MailPlus, ShieldCheck, ShieldOff, UserMinus, X } from "lucide-react";
import { Form, useNavigation } from "react-router";
import { Card, errorText, Notice, RoleBadge, roleLabel, selectClass, smallButton } from "../../components/admin-people-ui.tsx";
import { PageHeader } from "../../components/admin-ui.tsx";
import { EMAIL_RE } from "../../components/auth-ui.tsx";
import { requirePermission } from "../../context.ts";
import { getT, useT } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useRootData } from "../../lib/root-data.ts";
import { STAFF_ROLE_NAMES, type StaffRoleName, type StaffRow } from "../../services/people-admin.ts";
import type { Route } from "./+types/staff";

export async function loader({ context }: Route.LoaderArgs) {
  const admin = requirePermission(context, "staff:read");
  return admin.people.staff.list();
}

type ActionResult = { intent: string; ok: boolean; code?: string; message?: string; email?: string };

const isRole = (value: string): value is StaffRoleName => (STAFF_ROLE_NAMES as readonly string[]).includes(value);

export async function action({ context, request }: Route.ActionArgs): Promise<ActionResult> {
  const admin = requirePermission(context, "staff:manage");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const done = (r: { ok: true } | { ok: false; code: string; message: string }, extra: Partial<ActionResult> = {}): ActionResult =>
    r.ok ? { intent, ok: true, ...extra } : { intent, ok: false, code: r.code, message: r.message };
  const role = text("role");
  switch (intent) {
    case "role":
      if (!isRole(role)) return { intent, ok: false, code: "generic", message: "unknown role" };
      return done(await admin.people.staff.changeRole(text("userId"), role));
    case "remove":
      return done(await admin.people.staff.remove(text("userId")));
    case "invite": {
      const email = text("email").toLowerCase();
      if (!EMAIL_RE.test(email) || email.length > 254) return { intent, ok: false, code: "invalid-email", message: "", email };
      if (!isRole(role)) return { intent, ok: false, code: "generic", message: "unknown role", email };
      return done(await admin.people.staff.invite(email, role), { email });
    }
    case "revoke":
      return done(await admin.people.staff.revokeInvitation(text("id")));
  }
  return { intent, ok: false, code: "generic", message: `Unknown action "${intent}".` };
}

function ActionNotice({ result, intent }: { result: ActionResult | undefined; intent: string[] }) {
  const t = useT();
  if (!result || !intent.includes(result.intent)) return null;
  if (result.ok)
    return (
      <Notice tone="success">
        {result.intent === "invite" ? t("adminpeople.invited", { email: result.email ?? "" }) : t("adminpeople.saved")}
      </Notice>
    );
  return <Notice tone="error">{errorText(t, result.code ?? "", result.message ?? "")}</Notice>;
}

export default function Staff({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale, permissions } = useRootData();
  const t = getT(locale);
  const busy = useNavigation().state !== "idle";
  const { members, invitations, me } = loaderData;
  const result = actionData as ActionResult | undefined;
  const canManage = permissions.includes("staff:manage");
  const isOwner = me.role === "owner";
  const grantable = STAFF_ROLE_NAMES.filter((r) => r !== "owner" || isOwner);
  const editable = (m: StaffRow) => canManage && m.userId !== me.userId && (m.role !== "owner" || isOwner);

  return (
    <>
      <title>{`${t("adminpeople.staffTitle")} | ${store.name}`}</title>
      <PageHeader title={t("adminpeople.staffTitle")} subtitle={t("adminpeople.staffSubtitle")} />
      <div className="grid items-start gap-5 xl:grid-cols-3">
        <div className="space-y-5 xl:col-span-2">
          <section aria-labelledby="members-title" className="overflow-hidden rounded-2xl border border-line bg-surface">
            <h2 id="members-title" className="border-line border-b px-5 py-4 font-semibold">
              {t("adminpeople.members")} <span className="font-normal text-muted">({members.length})</span>
            </h2>
            <div className="px-5 pt-4 empty:hidden">
              <ActionNotice result={result} intent={["role", "remove"]} />
            </div>
            <ul className="divide-y divide-line" data-testid="staff-members">
              {members.map((m) => {
                const canEdit = editable(m);
                const options = canEdit ? grantable : [m.role];
                return (
                  <li key={m.userId} className="flex flex-col gap-3 px-5 py-4 md:flex-row md:items-center">
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-center gap-2 font-semibold">
                        <span className="truncate">{m.name || m.email}</span>
                        {m.userId === me.userId && <span className="font-normal text-muted text-xs">({t("adminpeople.you")})</span>}
                      </p>
                      <p className="truncate text-muted text-sm">{m.email}</p>
                      <p
                        className={clsx("mt-1 inline-flex items-center gap-1 text-xs", m.twoFactorEnabled ? "text-ok" : "text-muted")}
                        title={t("adminpeople.twoFactor")}
                      >
                        {m.twoFactorEnabled ? (
                          <ShieldCheck aria-hidden="true" className="size-3.5" />
                        ) : (
                          <ShieldOff aria-hidden="true" className="size-3.5" />
                        )}
                        {t("adminpeople.twoFactor")}: {m.twoFactorEnabled ? t("adminpeople.on") : t("adminpeople.off")}
                      </p>
                    </div>
                    {canManage ? (
                      <div className="flex w-full flex-wrap items-center gap-2 md:w-auto">
                        <Form method="post" className="flex min-w-0 basis-full items-center gap-2 md:basis-auto">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="userId" value={m.userId} />
                          <label htmlFor={`role-${m.userId}`} className="sr-only">
                            {t("adminpeople.role")}: {m.email}
                          </label>
                          <select
                            id={`role-${m.userId}`}
                            name="role"
                            defaultValue={m.role}
                            disabled={!canEdit}
                            title={canEdit ? undefined : t("adminpeople.roleLocked")}
                            className={clsx(selectClass, "h-9 min-w-0 flex-1 text-sm disabled:opacity-60 md:w-48 md:flex-none")}
                          >
                            {options.map((r) => (
                              <option key={r} value={r}>
                                {roleLabel(t, r)}
                              </option>
                            ))}
                          </select>
                          {canEdit && (
                            <button type="submit" disabled={busy} className={clsx(smallButton, "btn-secondary whitespace-nowrap")}>
                              {t("adminpeople.saveRole")}
                            </button>
                          )}
                        </Form>
                        {canEdit && (
                          <Form
                            method="post"
                            onSubmit={(event) => {
                              if (!window.confirm(t("adminpeople.removeConfirm", { name: m.name || m.email }))) event.preventDefault();
                            }}
                          >
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="userId" value={m.userId} />
                            <button type="submit" disabled={busy} className={clsx(smallButton, "text-sale hover:bg-sale-soft")}>
                              <UserMinus aria-hidden="true" className="size-4" />
                              {t("adminpeople.remove")}
                            </button>
                          </Form>
                        )}
                      </div>
                    ) : (
                      <RoleBadge role={m.role} />
                    )}
                  </li>
                );
              })}
            </ul>
          </section>

          <section aria-labelledby="invitations-title" className="overflow-hidden rounded-2xl border border-line bg-surface">
            <h2 id="invitations-title" className="border-line border-b px-5 py-4 font-semibold">
              {t("adminpeople.invitations")}
            </h2>
            <div className="px-5 pt-4 empty:hidden">
              <ActionNotice result={result} intent={["revoke"]} />
            </div>
            {invitations.length === 0 ? (
              <p className="px-5 py-6 text-muted text-sm">{t("adminpeople.invitationsEmpty")}</p>
            ) : (
              <ul className="divide-y divide-line" data-testid="staff-invitations">
                {invitations.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center gap-3 px-5 py-3.5">
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium">{i.email}</p>
                      <p className="text-muted text-xs tabular-nums">
                        {roleLabel(t, i.role)} · {t("adminpeople.expires")}: {formatDateTime(i.expiresAt, locale)}
                        {i.invitedByEmail && ` · ${t("adminpeople.invitedBy")}: ${i.invitedByEmail}`}
                      </p>
                    </div>
                    {i.expired && (
                      <span className="rounded-full bg-surface-2 px-2.5 py-0.5 font-semibold text-muted text-xs">
                        {t("adminpeople.expired")}
                      </span>
                    )}
                    {canManage && (i.role !== "owner" || isOwner) && (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="id" value={i.id} />
                        <button type="submit" disabled={busy} className={clsx(smallButton, "btn-secondary")}>
                          <X aria-hidden="true" className="size-4" />
                          {t("adminpeople.revoke")}
                        </button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        {canManage && (
          <Card title={t("adminpeople.inviteTitle")} id="invite-title">
            <p className="-mt-2 mb-4 text-muted text-sm">{t("adminpeople.inviteText")}</p>
            <Form method="post" className="space-y-4">
              <input type="hidden" name="intent" value="invite" />
              <div>
                <label htmlFor="invite-email" className="mb-1.5 block font-semibold text-sm">
                  {t("adminpeople.email")}
                </label>
                <input
                  id="invite-email"
                  name="email"
                  type="email"
                  required
                  autoComplete="off"
                  defaultValue={result?.intent === "invite" && !result.ok ? result.email : undefined}
                  className="field"
                />
              </div>
              <div>
                <label htmlFor="invite-role" className="mb-1.5 block font-semibold text-sm">
                  {t("adminpeople.role")}
                </label>
                <select id="invite-role" name="role" defaultValue="support" className={selectClass}>
                  {grantable.map((r) => (
                    <option key={r} value={r}>
                      {roleLabel(t, r)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" disabled={busy} className="btn btn-primary w-full">
                <MailPlus aria-hidden="true" className="size-4" />
                {t("adminpeople.invite")}
              </button>
              <ActionNotice result={result} intent={["invite"]} />
            </Form>
          </Card>
        )}
      </div>
    </>
  );
}
