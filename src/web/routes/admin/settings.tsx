import { ShieldCheck } from "lucide-react";
import { Form, Link, useNavigation } from "react-router";
import { Card, errorText, Notice } from "../../components/admin-people-ui.tsx";
import { PageHeader } from "../../components/admin-ui.tsx";
import { requirePermission } from "../../context.ts";
import { getT } from "../../i18n/index.ts";
import { useRootData } from "../../lib/root-data.ts";
import type { Route } from "./+types/settings";

export async function loader({ context }: Route.LoaderArgs) {
  return { settings: await requirePermission(context, "settings:write").people.settings.get() };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = requirePermission(context, "settings:write");
  const form = await request.formData();
  const result = await admin.people.settings.update({ requireStaffTwoFactor: form.get("requireStaffTwoFactor") === "on" });
  return result.ok ? { ok: true as const } : { ok: false as const, code: result.code, message: result.message };
}

export default function Settings({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const busy = useNavigation().state !== "idle";
  const { settings } = loaderData;
  return (
    <>
      <title>{`${t("adminpeople.settingsTitle")} | ${store.name}`}</title>
      <PageHeader title={t("adminpeople.settingsTitle")} subtitle={t("adminpeople.settingsSubtitle")} />
      <Card title={t("adminpeople.securityTitle")} id="security-title" className="max-w-2xl">
        <Form method="post" className="space-y-5">
          <label className="flex cursor-pointer items-start gap-4">
            <span className="relative mt-0.5 inline-flex shrink-0">
              <input
                type="checkbox"
                name="requireStaffTwoFactor"
                defaultChecked={settings.requireStaffTwoFactor}
                className="peer h-6 w-11 cursor-pointer appearance-none rounded-full bg-line-strong transition-colors checked:bg-brand focus-visible:outline-2 focus-visible:outline-ring focus-visible:outline-offset-2"
              />
              <span
                aria-hidden="true"
                className="pointer-events-none absolute top-0.5 left-0.5 size-5 rounded-full bg-white shadow transition-transform peer-checked:translate-x-5"
              />
            </span>
            <span>
              <span className="flex items-start gap-2 font-semibold">
                <ShieldCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand" />
                {t("adminpeople.require2fa")}
              </span>
              <span className="mt-1 block text-muted text-sm">{t("adminpeople.require2faHelp")}</span>
            </span>
          </label>
          <button type="submit" disabled={busy} className="btn btn-primary disabled:opacity-70">
            {t("adminpeople.save")}
          </button>
          {actionData &&
            (actionData.ok ? (
              <Notice tone="success">{t("adminpeople.saved")}</Notice>
            ) : (
              <Notice tone="error">
                {errorText(t, actionData.code, actionData.message)}
                {actionData.code === "own-two-factor-off" && (
                  <>
                    {" "}
                    <Link to="/hesap/guvenlik" className="link">
                      {t("adminpeople.turnOnMine")}
                    </Link>
                  </>
                )}
              </Notice>
            ))}
        </Form>
      </Card>
    </>
  );
}
