import { describe, expect, it } from "vitest";
import { hashToken, randomToken } from "./crypto.ts";

describe("randomToken", () => {
  it("is base64url of the given number of bytes, 32 by default", () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(randomToken(), "base64url")).toHaveLength(32);
    expect(Buffer.from(randomToken(9), "base64url")).toHaveLength(9);
    expect(randomToken()).not.toBe(randomToken());
  });
});

describe("hashToken", () => {
  it("is SHA-256 as lowercase hex, the format the stored rows hold", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashToken("ğ")).toBe(hashToken("\u011f"));
    expect(hashToken("kervan_key")).toMatch(/^[0-9a-f]{64}$/);
  });
});
