/**
 * The relay's admin page in headless Chromium, in English and Japanese: signing in with the token printed at
 * start (a wrong one refused), then status, clients, grant and usage.
 */
import { startRelay } from "@ninsho/relay";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "../../web/test/support/browser.js";
import { activationBody, aMachine, aRelay, newVendor, postJson } from "./support/relay.js";

describe.runIf(chromiumAvailable())("the relay's admin page", () => {
  let browser: Browser;
  let url: string;
  let token: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const relay = aRelay(newVendor(), { max: 3, cus: "Hokuriku Plant 4" });
    const { ctx, app } = relay.open();
    for (const name of ["CAD-01", "CAD-02"])
      await postJson(app, "/v1/activations", activationBody(aMachine(name), relay.clock.read()));
    const running = await startRelay(ctx, { port: 0, host: "127.0.0.1" });
    ({ url, adminToken: token } = running);
    close = running.close;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  async function signedIn(locale: string, given = token) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${url}/admin`);
    await page.locator("input[name=token]").fill(given);
    await page.locator("button[type=submit]").click();
    await page.waitForLoadState();
    return { page, context };
  }

  it("shows status, clients, grant and usage in English after signing in", async () => {
    const { page, context } = await signedIn("en-US");
    await expect
      .poll(() => page.locator("h2").allTextContents())
      .toEqual(["Status", "Clients", "Grant", "Usage"]);
    expect(await page.locator("#clients tbody tr").count()).toBe(2);
    const text = await page.locator("body").textContent();
    expect(text).toContain("CAD-01");
    expect(text).toContain("2 / 3");
    expect(text).toContain("Hokuriku Plant 4");
    expect(text).toContain("7 days");
    expect(await page.content()).not.toContain(token);
    const cookie = (await context.cookies()).find((c) => c.name === "ninsho_relay_admin");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    await context.close();
  });

  it("shows the same page in Japanese", async () => {
    const { page, context } = await signedIn("ja-JP");
    await expect
      .poll(() => page.locator("h2").allTextContents())
      .toEqual(["状態", "クライアント", "許諾", "利用状況"]);
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    expect(await page.locator("body").textContent()).toContain("受け入れたデバイス");
    await context.close();
  });

  it("refuses a wrong token and shows nothing of the relay", async () => {
    const { page, context } = await signedIn("en-US", "nsh_relay_wrong");
    expect(await page.locator("[role=alert]").textContent()).toContain("not this relay's");
    expect(await page.locator("body").textContent()).not.toContain("CAD-01");
    await context.close();
  });
});
