import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./constants.ts";

describe("hasSessionCookie", () => {
  it("finds better-auth's session cookie, plain or __Secure-, anywhere in the header", () => {
    expect(hasSessionCookie("kervan.session_token=abc.def")).toBe(true);
    expect(hasSessionCookie("__Secure-kervan.session_token=abc.def")).toBe(true);
    expect(hasSessionCookie("lang=en; kervan.session_token=abc")).toBe(true);
    expect(hasSessionCookie("lang=en;__Secure-kervan.session_token=abc; theme=dark")).toBe(true);
  });

  it("ignores other cookies and cookies that merely mention the name", () => {
    expect(hasSessionCookie(undefined)).toBe(false);
    expect(hasSessionCookie("")).toBe(false);
    expect(hasSessionCookie("lang=en; theme=dark")).toBe(false);
    expect(hasSessionCookie("kervan.session_data=abc")).toBe(false);
    expect(hasSessionCookie("kervan.two_factor=abc")).toBe(false);
    expect(hasSessionCookie("other.session_token=abc")).toBe(false);
    expect(hasSessionCookie("xkervan.session_token=abc")).toBe(false);
    expect(hasSessionCookie("note=kervan.session_token")).toBe(false);
  });
});
