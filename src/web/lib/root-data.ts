// What the root route's loader returns; every page reads it through `useRootData()`.

import { useRouteLoaderData } from "react-router";
import type { Locale, ThemePreference, WebTenant, WebUser } from "../context.ts";

export interface RootData {
  locale: Locale;
  theme: ThemePreference;
  store: WebTenant;
  user: WebUser | null;
  isStaff: boolean;
  /** The staff member's permissions in this store (empty for everyone else). */
  permissions: string[];
  publicUrl: string;
}

export function useRootData(): RootData {
  const data = useRouteLoaderData("root") as RootData | undefined;
  if (!data) throw new Error("root loader data is missing");
  return data;
}
