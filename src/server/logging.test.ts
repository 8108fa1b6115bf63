import { Writable } from "node:stream";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { describe, expect, it } from "vitest";
import { createLogger, redactUrl } from "./kernel.ts";

describe("request logs", () => {
  it("hide secret query values", () => {
    expect(redactUrl("/sifre-sifirla?token=abc123")).toBe("/sifre-sifirla?token=[hidden]");
    expect(redactUrl("/api/auth/callback/google?code=c0de&state=st4te&x=1")).toBe(
      "/api/auth/callback/google?code=[hidden]&state=[hidden]&x=1",
    );
    expect(redactUrl("/urun/kalem?renk=mavi")).toBe("/urun/kalem?renk=mavi");
  });

  it("never write a reset token that Fastify logs with the request", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ loggerInstance: createLogger({ logLevel: "info", env: "test" }, sink) as FastifyBaseLogger });
    app.get("/sifre-sifirla", async () => "ok");
    await app.inject({ method: "GET", url: "/sifre-sifirla?token=S3cr3tT0ken", headers: { cookie: "kervan.session_token=x" } });
    await app.close();
    const log = lines.join("");
    expect(log).toContain("/sifre-sifirla?token=[hidden]");
    expect(log).not.toContain("S3cr3tT0ken");
    expect(log).not.toContain("session_token");
  });
});
