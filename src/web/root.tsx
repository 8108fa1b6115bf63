import type { ReactNode } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunctionArgs,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { StatusPage } from "./components/status-page.tsx";
import { getApp } from "./context.ts";
import { getT } from "./i18n/index.ts";
import type { RootData } from "./lib/root-data.ts";
import { THEME_SCRIPT } from "./lib/theme.ts";

export async function loader({ context }: Route.LoaderArgs): Promise<RootData> {
  const app = getApp(context);
  return {
    locale: app.locale,
    theme: app.theme,
    store: app.tenant,
    user: app.user,
    isStaff: app.admin !== null,
    permissions: app.staff?.permissions ?? [],
    publicUrl: app.publicUrl,
  };
}

// Preferences and the signed-in user only change through full page loads (the preference form,
// sign-in and sign-out all reload), so client navigations never need to refetch the root.
export function shouldRevalidate({ formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formMethod ? defaultShouldRevalidate : false;
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const locale = data?.locale ?? "tr";
  return (
    <html lang={locale} className={data?.theme === "dark" ? "dark" : undefined} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#0f766e" />
        {/* Applies the remembered or system theme before first paint (no flash). */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: static inline script, no user input */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-dvh bg-page font-sans text-fg antialiased">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const t = getT(data?.locale ?? "tr");
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound && import.meta.env.DEV) console.error(error);
  return (
    <main id="main" className="container-page py-16">
      <StatusPage
        code={isRouteErrorResponse(error) ? error.status : 500}
        title={notFound ? t("notFound.title") : t("error.title")}
        text={notFound ? t("notFound.text") : t("error.text")}
        homeLabel={t("notFound.home")}
      />
    </main>
  );
}
