import { LogIn, MailX, UserPlus, UsersRound } from "lucide-react";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import { errorText, Notice, roleLabel } from "../../components/admin-people-ui.tsx";
import { AuthShell, noStore } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { getT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/invitation";

// /davet?token=… — a staff invitation: accept it as the invited, signed-in person.
export async function loader({ context, url }: Route.LoaderArgs) {
  const app = getApp(context);
  const token = (url.searchParams.get("token") ?? "").slice(0, 200);
  const invitation = token ? await app.invitations.find(token) : null;
  const next = `/davet?token=${encodeURIComponent(token)}`;
  return data(
    {
      token,
      invitation,
      next,
      user: app.user ? { email: app.user.email } : null,
      matches: Boolean(app.user && invitation && app.user.email.toLowerCase() === invitation.email),
    },
    { headers: noStore() },
  );
}

export async function action({ context, request }: Route.ActionArgs) {
  const app = getApp(context);
  const form = await request.formData();
  const result = await app.invitations.accept(String(form.get("token") ?? "").slice(0, 200));
  if (result.ok) return redirect("/admin");
  return { code: result.code, message: result.message };
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { locale } = useRootData();
  const t = getT(locale);
  const busy = useNavigation().state !== "idle";
  const { invitation, user, matches, next, token } = loaderData;

  if (invitation?.state !== "valid") {
    const text = !invitation
      ? t("adminpeople.invitationInvalid")
      : invitation.state === "expired"
        ? t("adminpeople.invitationExpired")
        : invitation.state === "revoked"
          ? t("adminpeople.invitationRevoked")
          : t("adminpeople.invitationUsed");
    return (
      <AuthShell title={t("adminpeople.invitationInvalidTitle")} icon={<MailX aria-hidden="true" className="size-6" />}>
        <title>{t("adminpeople.invitationInvalidTitle")}</title>
        <meta name="robots" content="noindex" />
        <p className="text-sm">{text}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          {invitation?.state === "accepted" && (
            <Link to="/admin" className="btn btn-primary">
              {t("adminpeople.invitationToAdmin")}
            </Link>
          )}
          <Link to="/" className="btn btn-secondary">
            {t("adminpeople.invitationHome")}
          </Link>
        </div>
      </AuthShell>
    );
  }

  const role = roleLabel(t, invitation.role);
  return (
    <AuthShell
      title={t("adminpeople.invitationTitle")}
      subtitle={t("adminpeople.invitationText", { store: invitation.storeName, role })}
      icon={<UsersRound aria-hidden="true" className="size-6" />}
    >
      <title>{`${t("adminpeople.invitationTitle")} | ${invitation.storeName}`}</title>
      <meta name="robots" content="noindex" />
      <p className="rounded-xl bg-surface-2 px-4 py-3 text-sm">{t("adminpeople.invitationFor", { email: invitation.email })}</p>
      {actionData && (
        <div className="mt-4">
          <Notice tone="error">{errorText(t, actionData.code, actionData.message)}</Notice>
        </div>
      )}
      {matches ? (
        <Form method="post" className="mt-6">
          <input type="hidden" name="token" value={token} />
          <button type="submit" disabled={busy} className="btn btn-primary h-11 w-full disabled:opacity-70">
            {t("adminpeople.invitationAccept")}
          </button>
        </Form>
      ) : user ? (
        <div className="mt-6 space-y-4">
          <p className="text-sm">{t("adminpeople.invitationWrongUser", { email: user.email })}</p>
          <Link to={`/cikis?next=${encodeURIComponent(next)}`} className="btn btn-secondary w-full">
            {t("adminpeople.invitationSignOut")}
          </Link>
        </div>
      ) : (
        <div className="mt-6 space-y-4">
          <p className="text-sm">{t("adminpeople.invitationVisitor")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Link to={`/giris?next=${encodeURIComponent(next)}`} className="btn btn-primary">
              <LogIn aria-hidden="true" className="size-4" />
              {t("adminpeople.invitationSignIn")}
            </Link>
            <Link to={`/uye-ol?next=${encodeURIComponent(next)}`} className="btn btn-secondary">
              <UserPlus aria-hidden="true" className="size-4" />
              {t("adminpeople.invitationSignUp")}
            </Link>
          </div>
        </div>
      )}
    </AuthShell>
  );
}
