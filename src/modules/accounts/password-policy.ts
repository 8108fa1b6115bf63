// Password policy: length limits and rejection of common passwords. The list is zxcvbn's 49,000
// most common passwords (bundled in @zxcvbn-ts/language-common) plus Turkish favourites.

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./constants.ts";

/** Frequent in Turkish leaks and not in the English list: teams, words, keyboard walks. */
const TURKISH_COMMON = [
  "galatasaray",
  "fenerbahce",
  "fenerbahçe",
  "besiktas",
  "beşiktaş",
  "trabzonspor",
  "bursaspor",
  "sifre",
  "şifre",
  "parola",
  "sifrem",
  "şifrem",
  "parolam",
  "istanbul",
  "ankara",
  "izmir",
  "turkiye",
  "türkiye",
  "ataturk",
  "atatürk",
  "mustafakemal",
  "seniseviyorum",
  "askim",
  "aşkım",
  "bebegim",
  "bebeğim",
  "canim",
  "canım",
  "hayat",
  "qwertyuıop",
  "asdfghjklşi",
  "merhaba",
  "kervan",
];

let common: Promise<ReadonlySet<string>> | null = null;

/** The list, loaded on first use (about 20 ms). */
function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set([...(dictionary["passwords-common"] as string[]), ...TURKISH_COMMON].map((p) => p.toLocaleLowerCase("tr"))),
  );
  return common;
}

export type PasswordProblem = "too_short" | "too_long" | "too_common";

/**
 * Why a password is not acceptable, or null when it is. A password is too common when it, or
 * what is left after removing digits and symbols from its end ("Galatasaray1905!"), is on the list.
 */
export async function checkPassword(password: string): Promise<PasswordProblem | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too_long";
  const list = await commonPasswords();
  const lower = password.toLocaleLowerCase("tr");
  const base = lower.replace(/[\d\W_]+$/u, "");
  if (list.has(lower) || (base.length >= 4 && list.has(base))) return "too_common";
  // one character repeated, or an ascending/descending digit run
  if (/^(.)\1+$/u.test(password) || "01234567890123456789".includes(password) || "98765432109876543210".includes(password))
    return "too_common";
  return null;
}

export const passwordMessages: Record<PasswordProblem, { tr: string; en: string }> = {
  too_short: {
    tr: `Şifre en az ${MIN_PASSWORD_LENGTH} karakter olmalı.`,
    en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
  },
  too_long: {
    tr: `Şifre en fazla ${MAX_PASSWORD_LENGTH} karakter olabilir.`,
    en: `The password can be at most ${MAX_PASSWORD_LENGTH} characters long.`,
  },
  too_common: {
    tr: "Bu şifre çok yaygın ve kolay tahmin edilir. Daha özgün bir şifre seçin.",
    en: "This password is too common and easy to guess. Choose a more unusual one.",
  },
};
