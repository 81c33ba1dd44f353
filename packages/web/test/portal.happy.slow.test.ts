/**
 * The end user's side and the public pages in Chromium: the landing page leads to the portal; a customer signs
 * up, signs in, links a key and sees the license with its device and the moves left, reads the troubleshooter,
 * and switches to Japanese; the error codes page fits a phone. Each page is checked by axe-core.
 */
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import {
  chromiumAvailable,
  desktopContext,
  fitsPhone,
  phoneContext,
  screenshot,
  watchErrors,
} from "./support/browser.js";
import { catalogue, type WebServer } from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

const PASSWORD = "correct horse battery staple 42";

describe.runIf(chromiumAvailable())("the portal and the public pages in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  useWebAndChromium((opened) => ({ web, browser } = opened));

  it("leads a customer from the landing page to their license, in English then Japanese", async () => {
    const c = await catalogue(web, { maxDevices: 2, transferable: true });
    const activated = await web.call("POST", "/v1/activations", {
      key: c.key,
      fingerprint: { collector: "test/1", components: [{ kind: "board", digest: "a".repeat(64) }] },
      device: { name: "Aiko's desktop", platform: "windows" },
    });
    expect(activated.status).toBe(201);

    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/?lang=en`);
    await page.getByRole("heading", { level: 1, name: "Ninsho activation server" }).waitFor();
    await fitsPhone(page);
    await expectAccessible(page, "landing");
    await screenshot(page, "landing-phone-en");
    await page.getByRole("link", { name: /My licenses/ }).click();

    await page.getByRole("button", { name: "No account yet? Create one" }).click();
    await page.getByLabel("Email").fill("aiko@example.jp");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Account created.", { exact: false }).waitFor();
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "My licenses" }).waitFor();
    // The session is an HTTP-only cookie: the page's scripts cannot read it.
    expect(await page.evaluate("document.cookie")).toBe("");

    await page.getByLabel("Product key").fill(c.key.toLowerCase().replaceAll("-", " "));
    await page.getByRole("button", { name: "Add" }).click();
    const card = page.locator(`[data-license-id="${c.licenseId}"]`);
    await card.getByText("Aiko's desktop").waitFor();
    await card.getByText("1 of 2 devices in use").waitFor();
    await card.getByText("3 moves left this year").waitFor();
    await page.getByText("It says my devices are used up").click();
    await page.getByText("remove a computer you no longer use", { exact: false }).waitFor();
    await fitsPhone(page);
    await expectAccessible(page, "portal");
    await screenshot(page, "portal-phone-en");

    await page.getByRole("button", { name: "日本語" }).click();
    await page.getByRole("heading", { level: 1, name: "マイライセンス" }).waitFor();
    await card.getByText("2 台を使用中", { exact: false }).waitFor();
    await expectAccessible(page, "portal ja");
    await screenshot(page, "portal-phone-ja");
    expect(errors).toEqual([]);
  });

  it("shows every error code on a phone and a desktop, in both languages", async () => {
    for (const [context, size] of [
      [await phoneContext(browser), "phone"],
      [await desktopContext(browser), "desktop"],
    ] as const) {
      const page = await context.newPage();
      for (const lang of ["en", "ja"] as const) {
        await page.goto(`${web.url}/docs/errors?lang=${lang}#DEVICE_LIMIT_REACHED`);
        await page.locator("#DEVICE_LIMIT_REACHED").waitFor();
        if (size === "phone") await fitsPhone(page);
        // axe walks every one of the ~200 cards: once per size is enough (the two languages share markup).
        if ((size === "phone") === (lang === "en")) await expectAccessible(page, `errors ${lang} ${size}`);
        await screenshot(page, `errors-${size}-${lang}`);
      }
      const landing = await context.newPage();
      await landing.goto(`${web.url}/?lang=ja`);
      await expectAccessible(landing, `landing ja ${size}`);
      await screenshot(landing, `landing-${size}-ja`);
    }
  });
});
