import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "kervan-config-"));

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("has working defaults for a local start and keeps a generated secret across loads", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.port).toBe(3000);
    expect(first.publicUrl).toBe("http://localhost:3000");
    expect(first.storage).toEqual({ driver: "local", dir: path.join(dir, "media") });
    expect(first.database.url).toBeUndefined();
    expect(first.secrets[0]?.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).secrets[0]).toBe(first.secrets[0]);
    expect(readFileSync(path.join(dir, ".secret"), "utf8").trim()).toBe(first.secrets[0]);
  });

  it("names the variable and what it expects for each bad value", () => {
    const err = errorOf({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", SMTP_URL: "nope" });
    expect(err.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: expected a port number.*"abc"/),
        expect.stringMatching(/^DATABASE_URL: expected a URL starting with postgres:\/\/ or postgresql:\/\//),
        expect.stringMatching(/^LOG_LEVEL: expected fatal, error, warn/),
        expect.stringMatching(/^SMTP_URL: expected a URL starting with smtp:\/\//),
      ]),
    );
    expect(err.message).toContain("Invalid configuration");
    expect(errorOf({ PORT: "70000" }).issues[0]).toMatch(/^PORT: expected a port between 1 and 65535/);
  });

  it("requires the S3 settings together and a SECRET in production, without echoing secrets", () => {
    const s3 = errorOf({ STORAGE_DRIVER: "s3", S3_BUCKET: "media" });
    expect(s3.issues).toEqual([
      "S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3",
      "S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3",
    ]);
    expect(errorOf({ NODE_ENV: "production" }).issues).toEqual([expect.stringMatching(/^SECRET: required in production/)]);
    const short = errorOf({ SECRET: "tooshort" });
    expect(short.issues[0]).toMatch(/^SECRET: expected at least 32 characters/);
    expect(short.message).not.toContain("tooshort");
  });

  it("reports malformed values and missing companion settings in one run", () => {
    const err = errorOf({ PORT: "abc", STORAGE_DRIVER: "s3", S3_BUCKET: "media" });
    expect(err.issues).toEqual([
      expect.stringMatching(/^PORT: expected a port number/),
      "S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3",
      "S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3",
    ]);
  });

  it("parses lists, booleans and the S3 block", () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      CORS_ORIGINS: "https://a.example, https://b.example",
      TRUST_PROXY: "true",
      STORAGE_DRIVER: "s3",
      S3_BUCKET: "media",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "key",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      PUBLIC_URL: "https://shop.example/",
      PORT: "",
    });
    expect(config.corsOrigins).toEqual(["https://a.example", "https://b.example"]);
    expect(config.trustProxy).toBe(true);
    expect(config.publicUrl).toBe("https://shop.example");
    expect(config.port).toBe(3000);
    expect(config.storage).toMatchObject({ driver: "s3", bucket: "media", endpoint: "http://127.0.0.1:9000", forcePathStyle: true });
  });
});
