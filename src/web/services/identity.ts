// Sign-in, sign-up, password reset, two-factor and sessions (wraps better-auth). Owned by the identity pages.
// Types only: the server implements this in src/server/web/identity.ts and passes it through the
// request context (see ../context.ts).

/** Why better-auth refused: HTTP status, its error code and its (localized when ours) message. */
export interface IdentityError {
  status: number;
  code: string;
  message: string;
  /** Seconds until a throttled action may be retried (429). */
  retryAfter?: number;
}

/**
 * The outcome of an identity action. `cookies` are the Set-Cookie header values better-auth sent
 * (session, two-factor, trust-device cookies); the action must forward them to the browser.
 */
export type IdentityResult<T = unknown> = ({ ok: true; value: T } | { ok: false; error: IdentityError }) & { cookies: string[] };

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  acceptTerms: boolean;
  marketingEmail: boolean;
  marketingSms: boolean;
  /** Where the verification link lands after signing the person in (a relative path). */
  callbackURL: string;
}

/** Why a change of e-mail address was refused, as the profile page explains it. */
export type EmailChangeError = "invalid" | "same" | "reauthenticate" | "rateLimited" | "failed";

export interface ActiveSession {
  /** The session row's id (never its token). */
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  /** Last time the session was used or extended. */
  updatedAt: string;
  current: boolean;
}

export interface SecurityOverview {
  twoFactorEnabled: boolean;
  /** False for people who only ever signed in with Google/Facebook (no password to check). */
  hasPassword: boolean;
  sessions: ActiveSession[];
}

export interface TwoFactorSetup {
  /** otpauth:// URI for authenticator apps. */
  totpURI: string;
  /** The base32 secret, for typing in by hand. */
  secret: string;
  /** The URI as a QR code, an SVG document rendered on the server. */
  qrSvg: string;
}

export interface IdentityWeb {
  signUp(input: SignUpInput): Promise<IdentityResult<null>>;
  /** `twoFactor: true` when a second factor is still needed (the pending cookie is in `cookies`). */
  signIn(input: { email: string; password: string; rememberMe: boolean }): Promise<IdentityResult<{ twoFactor: boolean }>>;
  /** Whether this browser is in the middle of a two-factor sign-in. */
  twoFactorPending(): boolean;
  /** Finishes a two-factor sign-in with a TOTP code (6 digits) or a backup code. */
  verifyTwoFactor(input: { code: string; kind: "totp" | "backup"; trustDevice: boolean }): Promise<IdentityResult<null>>;
  /** Mails a new verification link (same answer whether or not the address is known). */
  resendVerification(email: string, callbackURL: string): Promise<IdentityResult<null>>;
  /** Starts a Google/Facebook sign-in: the URL to send the browser to. */
  socialSignIn(providerId: string, callbackURL: string): Promise<IdentityResult<{ url: string }>>;
  signOut(): Promise<IdentityResult<null>>;
  /** Always the same answer for known and unknown addresses (429 when throttled). */
  requestPasswordReset(email: string): Promise<IdentityResult<null>>;
  /** Whether a reset link's token can still be used, without using it. */
  checkResetToken(token: string): Promise<"valid" | "expired" | "invalid">;
  resetPassword(input: { token: string; newPassword: string }): Promise<IdentityResult<null>>;

  // The signed-in person's security settings.
  security(): Promise<SecurityOverview | null>;
  /** Mails a confirmation link to the new address (better-auth `changeEmail`); the address changes when it is opened. */
  changeEmail(newEmail: string): Promise<{ ok: true } | { ok: false; error: EmailChangeError }>;
  /** Changes the password and ends every other session. */
  changePassword(input: { currentPassword: string; newPassword: string }): Promise<IdentityResult<null>>;
  /** Step 1 of turning on 2FA: checks the password, creates the secret (not active until confirmed). */
  enableTwoFactor(password: string): Promise<IdentityResult<TwoFactorSetup>>;
  /** The QR code and secret of an otpauth:// URI shown at step 1 (to show it again after a wrong code). */
  describeSetup(totpURI: string): Promise<TwoFactorSetup | null>;
  /** Step 2: a code from the app turns 2FA on; returns the backup codes to show once. */
  confirmTwoFactor(code: string): Promise<IdentityResult<{ backupCodes: string[] }>>;
  regenerateBackupCodes(password: string): Promise<IdentityResult<{ backupCodes: string[] }>>;
  disableTwoFactor(password: string): Promise<IdentityResult<null>>;
  revokeSession(id: string): Promise<IdentityResult<null>>;
  revokeOtherSessions(): Promise<IdentityResult<null>>;
}
