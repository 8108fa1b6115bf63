// Identity e-mails (verification, password reset, confirmations, staff invitations) in Turkish
// and English, plain text plus a small HTML version.

export type AuthMailKind =
  | "verify-email"
  | "change-email"
  | "reset-password"
  | "password-changed"
  | "already-registered"
  | "staff-invitation"
  | "two-factor-changed";

export interface AuthMailInput {
  kind: AuthMailKind;
  locale: "tr" | "en";
  store: string;
  name: string;
  /** The link to open (absent for pure notices). */
  url?: string;
  /** Extra values some templates use (e.g. `role`, `minutes`, `enabled`). */
  vars?: Record<string, string>;
}

interface Template {
  subject: string;
  intro: string;
  action?: string;
  outro: string;
}

type Catalog = Record<AuthMailKind, (v: Record<string, string>) => Template>;

const tr: Catalog = {
  "verify-email": (v) => ({
    subject: `${v.store}: e-posta adresinizi doğrulayın`,
    intro: `${v.store} hesabınızı oluşturduğunuz için teşekkürler. Hesabınızı kullanmaya başlamak için e-posta adresinizi doğrulayın.`,
    action: "E-postamı doğrula",
    outro: `Bağlantı ${v.hours} saat geçerlidir. Bu hesabı siz açmadıysanız bu e-postayı yok sayabilirsiniz.`,
  }),
  "change-email": (v) => ({
    subject: `${v.store}: yeni e-posta adresinizi doğrulayın`,
    intro: `${v.store} hesabınızın e-posta adresini bu adresle değiştirmek istediniz.`,
    action: "Yeni adresimi doğrula",
    outro: `Bağlantı ${v.hours} saat geçerlidir. Bu isteği siz yapmadıysanız bu e-postayı yok sayın; adresiniz değişmez.`,
  }),
  "reset-password": (v) => ({
    subject: `${v.store}: şifre sıfırlama`,
    intro: `${v.store} hesabınız için şifre sıfırlama isteği aldık.`,
    action: "Yeni şifre belirle",
    outro: `Bağlantı ${v.minutes} dakika geçerlidir ve yalnızca bir kez kullanılabilir. Bu isteği siz yapmadıysanız bu e-postayı yok sayın; şifreniz değişmez.`,
  }),
  "password-changed": (v) => ({
    subject: `${v.store}: şifreniz değiştirildi`,
    intro: `${v.store} hesabınızın şifresi az önce değiştirildi ve diğer cihazlardaki oturumlarınız kapatıldı.`,
    outro: "Bu değişikliği siz yapmadıysanız hemen şifre sıfırlama isteyin ve bizimle iletişime geçin.",
  }),
  "already-registered": (v) => ({
    subject: `${v.store}: bu e-posta ile zaten bir hesabınız var`,
    intro: `Birisi (büyük olasılıkla siz) bu e-posta adresiyle ${v.store} üzerinde yeni bir hesap açmayı denedi. Zaten bir hesabınız var.`,
    action: "Şifremi unuttum",
    outro: "Şifrenizi hatırlamıyorsanız yukarıdaki bağlantıdan yenisini belirleyebilirsiniz. Bu siz değilseniz bir şey yapmanız gerekmez.",
  }),
  "staff-invitation": (v) => ({
    subject: `${v.store} yönetim paneline davet edildiniz`,
    intro: `${v.inviter} sizi ${v.store} mağazasının yönetim paneline "${v.role}" rolüyle davet etti.`,
    action: "Daveti kabul et",
    outro: `Davet ${v.days} gün geçerlidir. Beklemediğiniz bir davetse bu e-postayı yok sayabilirsiniz.`,
  }),
  "two-factor-changed": (v) => ({
    subject: `${v.store}: iki adımlı doğrulama ${v.enabled === "true" ? "açıldı" : "kapatıldı"}`,
    intro: `${v.store} hesabınızda iki adımlı doğrulama ${v.enabled === "true" ? "açıldı" : "kapatıldı"}.`,
    outro: "Bu değişikliği siz yapmadıysanız hemen şifrenizi değiştirin ve bizimle iletişime geçin.",
  }),
};

const en: Catalog = {
  "verify-email": (v) => ({
    subject: `${v.store}: confirm your e-mail address`,
    intro: `Thank you for creating your ${v.store} account. Confirm your e-mail address to start using it.`,
    action: "Confirm my e-mail",
    outro: `The link is valid for ${v.hours} hours. If you did not create this account, ignore this e-mail.`,
  }),
  "change-email": (v) => ({
    subject: `${v.store}: confirm your new e-mail address`,
    intro: `You asked to change the e-mail address of your ${v.store} account to this one.`,
    action: "Confirm my new address",
    outro: `The link is valid for ${v.hours} hours. If you did not ask for this, ignore this e-mail; nothing changes.`,
  }),
  "reset-password": (v) => ({
    subject: `${v.store}: reset your password`,
    intro: `We received a request to reset the password of your ${v.store} account.`,
    action: "Choose a new password",
    outro: `The link is valid for ${v.minutes} minutes and works once. If you did not ask for this, ignore this e-mail; your password stays the same.`,
  }),
  "password-changed": (v) => ({
    subject: `${v.store}: your password was changed`,
    intro: `The password of your ${v.store} account was just changed, and your sessions on other devices were signed out.`,
    outro: "If you did not do this, request a password reset at once and contact us.",
  }),
  "already-registered": (v) => ({
    subject: `${v.store}: you already have an account`,
    intro: `Someone (probably you) tried to create a new ${v.store} account with this e-mail address. You already have one.`,
    action: "Reset my password",
    outro: "If you forgot your password, use the link above. If this was not you, there is nothing to do.",
  }),
  "staff-invitation": (v) => ({
    subject: `You are invited to the ${v.store} admin`,
    intro: `${v.inviter} invited you to the admin of ${v.store} with the "${v.role}" role.`,
    action: "Accept the invitation",
    outro: `The invitation is valid for ${v.days} days. If you did not expect it, ignore this e-mail.`,
  }),
  "two-factor-changed": (v) => ({
    subject: `${v.store}: two-factor authentication ${v.enabled === "true" ? "turned on" : "turned off"}`,
    intro: `Two-factor authentication was ${v.enabled === "true" ? "turned on" : "turned off"} for your ${v.store} account.`,
    outro: "If you did not do this, change your password at once and contact us.",
  }),
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders one identity e-mail. */
export function renderAuthMail(input: AuthMailInput): { subject: string; text: string; html: string } {
  const vars = { store: input.store, name: input.name, ...input.vars };
  const t = (input.locale === "en" ? en : tr)[input.kind](vars);
  const greeting = input.locale === "en" ? `Hello ${input.name},` : `Merhaba ${input.name},`;
  const text = [
    greeting,
    "",
    t.intro,
    ...(t.action && input.url ? ["", `${t.action}: ${input.url}`] : []),
    "",
    t.outro,
    "",
    input.store,
  ].join("\n");
  const button =
    t.action && input.url
      ? `<p style="margin:24px 0"><a href="${escapeHtml(input.url)}" style="background:#ea580c;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(t.action)}</a></p><p style="font-size:12px;color:#555">${escapeHtml(input.url)}</p>`
      : "";
  const html = `<!doctype html><html lang="${input.locale}"><body style="font-family:system-ui,sans-serif;color:#1c1917;max-width:560px;margin:0 auto;padding:24px"><p>${escapeHtml(greeting)}</p><p>${escapeHtml(t.intro)}</p>${button}<p>${escapeHtml(t.outro)}</p><p style="color:#555">${escapeHtml(input.store)}</p></body></html>`;
  return { subject: t.subject, text, html };
}
