// Starts the real Kervan server (`node src/server/main.ts`) for browser journeys: production mode,
// a fresh temporary DATA_DIR (so the demo store is seeded), a free port. Builds the web app first
// when the build is missing or older than the sources.
//
// Set E2E_BASE_URL to run the journeys against a server you started yourself instead (then the
// demo admin password comes from E2E_ADMIN_PASSWORD).

import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { ensureWebBuild } from "../scripts/web-build.ts";

export const root = path.resolve(import.meta.dirname, "..");
export const screenshotDir = path.join(root, "e2e", "screenshots");

export interface RunningServer {
  baseUrl: string;
  admin: { email: string; password: string } | null;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  /** SIGTERM, then waits; resolves with the exit code (null when it had to be killed). */
  stop: () => Promise<number | null>;
}

export interface LaunchOptions {
  /** Reuse a data folder (kept on stop); by default a new temporary one, removed on stop. */
  dataDir?: string;
  env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok && /Storefront:/.test(output())) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server was not ready after ${timeoutMs} ms:\n${output()}`);
}

let running: Promise<RunningServer> | null = null;

/** The server for this test file (started on first use). */
export function startServer(): Promise<RunningServer> {
  running ??= launchServer();
  return running;
}

/** A new server process (see LaunchOptions); the caller stops it. */
export async function launchServer(options: LaunchOptions = {}): Promise<RunningServer> {
  if (process.env.E2E_BASE_URL) {
    const password = process.env.E2E_ADMIN_PASSWORD;
    return {
      baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ""),
      admin: password ? { email: process.env.E2E_ADMIN_EMAIL ?? "admin@kervan.test", password } : null,
      output: () => "",
      stop: async () => 0,
    };
  }
  if (!ensureWebBuild({ quiet: true })) throw new Error("the front-end build (react-router build) failed");
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "kervan-e2e-"));
  // localhost (not 127.0.0.1): the default PUBLIC_URL, so auth's origin checks accept the browser.
  const baseUrl = `http://localhost:${port}`;
  let log = "";
  const child = spawn(process.execPath, [path.join(root, "src", "server", "main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SECRET: randomBytes(36).toString("base64url"),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log;
  const stop = async (): Promise<number | null> => {
    let code = child.exitCode;
    if (code === null) {
      const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      code = await exited;
      clearTimeout(timer);
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  try {
    await waitUntilReady(baseUrl, child, output, 180_000);
  } catch (err) {
    await stop();
    throw err;
  }
  const match = /Demo admin:\s+(\S+)\s+\/\s+(\S+)/.exec(log);
  return { baseUrl, admin: match ? { email: match[1] as string, password: match[2] as string } : null, output, stop };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const DESKTOP = { width: 1366, height: 900 } as const;
export const MOBILE = { width: 390, height: 844 } as const;

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in once as the demo admin the server printed (the sign-in is rate limited) and returns the session to reuse. */
export async function adminSession(browser: Browser, server: RunningServer): Promise<StorageState> {
  const admin = server.admin;
  if (!admin) throw new Error(`the server did not print the demo admin's credentials:\n${server.output()}`);
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: server.baseUrl });
  const page = await context.newPage();
  await page.goto("/admin/giris");
  await page.getByLabel("E-posta adresi").fill(admin.email);
  await page.getByLabel("Şifre", { exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Giriş yap" }).click();
  await page.waitForURL(/\/admin$/);
  const state = await context.storageState();
  await context.close();
  return state;
}
