import { LogOut } from "lucide-react";
import { Form, Link, redirect } from "react-router";
import { AuthShell, cookieHeaders, noStore } from "../../components/auth-ui.tsx";
import { getApp } from "../../context.ts";
import { useT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import { Seo } from "../../lib/seo.tsx";
import type { Route } from "./+types/sign-out";

export const headers = noStore;

export function loader({ context }: Route.LoaderArgs) {
  if (!getApp(context).user) throw redirect("/");
  return null;
}

export async function action({ context }: Route.ActionArgs) {
  const app = getApp(context);
  // Signing out someone who is not signed in is not an error: go home either way.
  const result = app.user ? await app.identity.signOut() : { cookies: [] };
  throw redirect("/", { headers: cookieHeaders(result.cookies) });
}

export default function SignOutPage() {
  const t = useT();
  const { store, user } = useRootData();
  return (
    <AuthShell title={t("auth.signOutTitle")} icon={<LogOut aria-hidden="true" className="size-6" />}>
      <Seo title={`${t("auth.signOutTitle")} | ${store.name}`} noindex />
      <p className="text-sm">{t("auth.signOutText", { email: user?.email ?? "" })}</p>
      <Form method="post" reloadDocument className="mt-6 grid gap-3 sm:grid-cols-2">
        <button type="submit" className="btn btn-primary">
          <LogOut aria-hidden="true" className="size-4" />
          {t("auth.signOut")}
        </button>
        <Link to="/hesap" className="btn btn-secondary">
          {t("auth.stay")}
        </Link>
      </Form>
    </AuthShell>
  );
}
