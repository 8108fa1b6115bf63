// Checks on form input shared by the pages and the server code behind them (plain TypeScript, so
// the server, which runs .ts files natively, can import it; it cannot import .tsx components).

/** A plausible e-mail address: something@something.tld, no spaces. The mail itself is the real check. */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
