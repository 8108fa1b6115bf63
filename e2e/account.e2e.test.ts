// My account journeys against the real server: the demo customer signs in, edits the profile,
// fills the Turkish address form (il → ilçe → mahalle, with and without JavaScript), manages
// consents, downloads the KVKK export and asks for (then cancels) deletion. Screenshots of the
// three pages on desktop and mobile land in e2e/screenshots/.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, MOBILE, type RunningServer, screenshotDir, startServer } from "./server.ts";

const CUSTOMER_EMAIL = "musteri@kervan.test";

let server: RunningServer;
let browser: Browser;
let signedIn: Awaited<ReturnType<BrowserContext["storageState"]>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  // The demo customer shares the demo admin's printed password (src/modules/demo/customers.ts).
  if (!server.admin) throw new Error(`the server did not print the demo credentials:\n${server.output()}`);
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const res = await context.request.post("/api/auth/sign-in/email", {
    headers: { origin: server.baseUrl },
    data: { email: CUSTOMER_EMAIL, password: server.admin.password },
  });
  if (!res.ok()) throw new Error(`customer sign-in failed: ${res.status()} ${await res.text()}`);
  signedIn = await context.storageState();
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean; anonymous?: boolean } = {}) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: options.viewport ?? DESKTOP,
    colorScheme: "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    storageState: options.anonymous ? undefined : signedIn,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

describe("my account", () => {
  it("sends visitors to the sign-in page", async () => {
    const { context, page } = await newPage({ anonymous: true });
    await page.goto("/hesap/adresler");
    expect(new URL(page.url()).pathname).toBe("/giris");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/hesap/adresler");
    await context.close();
  });

  it("shows the profile with store credit and tier, and saves name and phone", async () => {
    const { context, page, errors } = await newPage();
    await page.goto("/hesap");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Profil");
    expect(await page.getByTestId("tier").textContent()).toContain("Premium");
    expect(await page.getByTestId("store-credit").textContent()).toMatch(/250,00/);

    await page.getByLabel("Cep telefonu").fill("0212 123 45 67");
    await page.getByRole("button", { name: "Kaydet" }).click();
    await expect.poll(() => page.locator("#phone-error").textContent()).toContain("cep telefonu");

    await page.getByLabel("Cep telefonu").fill("0532 123 45 67");
    await page.getByRole("button", { name: "Kaydet" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Bilgileriniz kaydedildi.");
    await page.reload();
    expect(await page.getByLabel("Cep telefonu").inputValue()).toBe("532 123 45 67");

    await page.getByLabel("Yeni e-posta adresi").fill("elif.yeni@example.com");
    await page.getByRole("button", { name: "Doğrulama bağlantısı gönder" }).click();
    await expect.poll(() => page.getByTestId("pending-email").textContent()).toContain("elif.yeni@example.com");
    await page.reload();
    expect(await page.getByTestId("pending-email").textContent()).toContain("elif.yeni@example.com");
    expect(await page.getByTestId("current-email").textContent()).toBe(CUSTOMER_EMAIL);
    await shot(page, "account-profile-desktop");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("adds an address through the il → ilçe → mahalle selects, with field errors", async () => {
    const { context, page, errors } = await newPage();
    await page.goto("/hesap/adresler?yeni=1");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Adreslerim");
    await page.getByLabel("Adres başlığı").fill("Ev");
    await page.getByLabel("Cep telefonu").fill("0532 123 45 67");
    await page.getByLabel("İl", { exact: true }).selectOption({ label: "İstanbul" });
    await expect.poll(() => page.locator("#address-district option").count()).toBeGreaterThan(30);
    await page.getByLabel("İlçe").selectOption("Kadıköy");
    await expect.poll(() => page.locator("#address-neighbourhood option").count()).toBeGreaterThan(10);
    await page.getByLabel("Mahalle").selectOption("Caferağa Mah");
    await page.getByLabel("Cadde, sokak, bina ve daire").fill("Moda Cad. No: 12 D: 3");
    await page.getByLabel("Posta kodu").fill("34710");
    await page.getByLabel("T.C. kimlik no").fill("12345678901");
    // corporate fields appear only for a corporate invoice
    expect(await page.getByTestId("corporate-fields").count()).toBe(0);
    await page.getByRole("radio", { name: "Kurumsal" }).check();
    await expect.poll(() => page.getByTestId("corporate-fields").count()).toBe(1);
    await shot(page, "account-addresses-form-desktop");
    await page.getByRole("radio", { name: "Bireysel" }).check();

    await page.getByRole("button", { name: "Adresi kaydet" }).click();
    await expect.poll(() => page.locator("#address-tckn-error").textContent()).toBe("Geçerli bir T.C. kimlik numarası değil.");
    // nothing typed is lost
    expect(await page.getByLabel("Adres başlığı").inputValue()).toBe("Ev");
    expect(await page.getByLabel("Mahalle").inputValue()).toBe("Caferağa Mah");

    await page.getByLabel("T.C. kimlik no").fill("10000000146");
    await page.getByRole("button", { name: "Adresi kaydet" }).click();
    await page.waitForURL(/kaydedildi=1/);
    const card = page.getByTestId("address-card").first();
    await expect.poll(() => card.textContent()).toContain("Caferağa Mah");
    expect(await card.textContent()).toContain("Kadıköy / İstanbul");
    expect(await card.textContent()).toContain("Varsayılan");
    await shot(page, "account-addresses-desktop");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("fills the selects without JavaScript by sending the form back", async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto("/hesap/adresler?yeni=1");
    await page.getByLabel("Adres başlığı").fill("İş");
    await page.getByLabel("Cep telefonu").fill("05050000000");
    await page.getByLabel("İl", { exact: true }).selectOption({ label: "Ankara" });
    await page.getByRole("button", { name: "Listeyi getir" }).first().click();
    await page.getByLabel("İlçe").selectOption("Çankaya");
    await page.getByRole("button", { name: "Listeyi getir" }).nth(1).click();
    await page.getByLabel("Mahalle").selectOption("Kızılay Mah");
    expect(await page.getByLabel("Adres başlığı").inputValue()).toBe("İş");
    await page.getByLabel("Cadde, sokak, bina ve daire").fill("Atatürk Blv. No: 100");
    await page.getByRole("radio", { name: "Kurumsal" }).check();
    await page.getByLabel("Firma adı").fill("Demir Yazılım A.Ş.");
    await page.getByLabel("Vergi kimlik no (VKN)").fill("4540536920");
    await page.getByLabel("Vergi dairesi").fill("Çankaya");
    await page.getByRole("button", { name: "Adresi kaydet" }).click();
    await page.waitForURL(/kaydedildi=1/);
    const cards = page.getByTestId("address-card");
    expect(await cards.count()).toBe(2);
    expect(await page.locator("main").textContent()).toContain("Demir Yazılım A.Ş.");
    await context.close();
  });

  it("manages consents, downloads the export and asks for deletion", async () => {
    const { context, page, errors } = await newPage();
    await page.goto("/hesap/gizlilik");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Gizlilik ve verilerim");
    const emailSwitch = page.getByRole("switch", { name: "E-posta ile ticari ileti" });
    const before = await emailSwitch.getAttribute("aria-checked");
    await emailSwitch.click();
    await expect.poll(() => emailSwitch.getAttribute("aria-checked")).toBe(before === "true" ? "false" : "true");
    expect(await page.getByTestId("consent-marketing_email").textContent()).toMatch(/metin sürümü ticari-ileti-eposta-/);

    const exportRes = await context.request.get((await page.getByTestId("export-link").getAttribute("href")) as string);
    expect(exportRes.status()).toBe(200);
    expect(exportRes.headers()["content-disposition"]).toMatch(/attachment/);
    const exported = await exportRes.json();
    expect(exported.user.email).toBe(CUSTOMER_EMAIL);
    expect(exported.addresses).toHaveLength(2);
    await shot(page, "account-privacy-desktop");

    await page.getByRole("button", { name: "Hesabımı silmek istiyorum" }).click();
    // the browser asks for the confirmation box first (required)
    expect(await page.getByTestId("deletion-pending").count()).toBe(0);
    await page.getByLabel(/kalıcı olarak silineceğini anladım/).check();
    await page.getByRole("button", { name: "Hesabımı silmek istiyorum" }).click();
    await expect.poll(() => page.getByTestId("deletion-pending").textContent()).toContain("kalıcı olarak silinecek");
    await page.getByRole("button", { name: "Silme talebini iptal et" }).click();
    await expect.poll(() => page.getByTestId("deletion-pending").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("takes mobile screenshots", async () => {
    const { context, page } = await newPage({ viewport: MOBILE });
    for (const [url, name] of [
      ["/hesap", "account-profile-mobile"],
      ["/hesap/adresler?yeni=1", "account-addresses-form-mobile"],
      ["/hesap/gizlilik", "account-privacy-mobile"],
    ] as const) {
      await page.goto(url);
      await page.locator("h1").waitFor();
      await shot(page, name);
    }
    await context.close();
  });
});
