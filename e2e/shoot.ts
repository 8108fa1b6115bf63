// Screenshot helper for design review: node e2e/shoot.ts <baseUrl> <name>=<path> ...
// Writes e2e/screenshots/<name>-<desktop|mobile>-<light|dark>.png (full page).
import path from "node:path";
import { DESKTOP, launchBrowser, MOBILE } from "./server.ts";

const [base, ...pages] = process.argv.slice(2);
if (!base) throw new Error("usage: node e2e/shoot.ts <baseUrl> name=/path ...");
const outDir = path.join(import.meta.dirname, "screenshots");
const only = process.env.ONLY; // e.g. "desktop-light"
const browser = await launchBrowser();
const viewports = { desktop: DESKTOP, mobile: MOBILE } as const;
for (const [device, viewport] of Object.entries(viewports)) {
  for (const scheme of ["light", "dark"] as const) {
    if (only && only !== `${device}-${scheme}`) continue;
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: 1,
      colorScheme: scheme,
      isMobile: device === "mobile",
      hasTouch: device === "mobile",
    });
    const page = await context.newPage();
    for (const spec of pages) {
      const eq = spec.indexOf("=");
      const name = spec.slice(0, eq);
      const p = spec.slice(eq + 1);
      await page.goto(base + p, { waitUntil: "networkidle" });
      await page.evaluate(async () => {
        // Trigger lazy images.
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 40));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(outDir, `${name}-${device}-${scheme}.png`), fullPage: process.env.FULL !== "0" });
    }
    await context.close();
  }
}
await browser.close();
