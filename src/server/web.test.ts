import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { sendWebResponse } from "../platform/web-response.ts";
import { isReservedPath, readPreferences, toWebRequest } from "./web.ts";

describe("web plugin helpers", () => {
  it("never hands API, media or probe paths to React Router", () => {
    for (const path of ["/api", "/api/v1/products", "/media/a.webp", "/healthz", "/readyz"]) expect(isReservedPath(path), path).toBe(true);
    for (const path of ["/", "/apiary", "/kategori/elektronik", "/mediator", "/admin"]) expect(isReservedPath(path), path).toBe(false);
  });

  it("converts requests and responses both ways: URL, headers, streamed body, several cookies", async () => {
    const app = Fastify();
    app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
      scope.route({
        method: ["GET", "POST", "HEAD"],
        url: "/*",
        exposeHeadRoute: false,
        handler: async (request, reply) => {
          const web = toWebRequest(request, reply);
          const body = web.method === "POST" ? await web.text() : "";
          const headers = new Headers({ "content-type": "application/json", "x-extra": "1" });
          headers.append("set-cookie", "a=1; Path=/");
          headers.append("set-cookie", "b=2; Path=/");
          const payload = JSON.stringify({
            url: web.url,
            method: web.method,
            body,
            accept: web.headers.get("accept"),
            prefs: readPreferences(request),
          });
          return sendWebResponse(reply, new Response(payload, { status: 201, headers }), request.method === "HEAD");
        },
      });
    });
    const res = await app.inject({
      method: "POST",
      url: "/tercih?x=1",
      headers: { host: "magaza.test", accept: "text/html", "content-type": "application/x-www-form-urlencoded", cookie: "lang=en" },
      payload: "lang=en&returnTo=%2F",
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(res.headers["x-extra"]).toBe("1");
    expect(res.json()).toEqual({
      url: "http://magaza.test/tercih?x=1",
      method: "POST",
      body: "lang=en&returnTo=%2F",
      accept: "text/html",
      prefs: { locale: "en", theme: "system" },
    });
    const head = await app.inject({ method: "HEAD", url: "/", headers: { host: "magaza.test" } });
    expect(head.statusCode).toBe(201);
    expect(head.body).toBe("");
    await app.close();
  });
});
