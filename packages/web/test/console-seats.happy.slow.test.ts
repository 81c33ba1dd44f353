/**
 * Seat decisions at the support desk in Chromium: a floating license whose pool is full shows the refusal on
 * the "why" page explained by the catalogue (seats held, when the next frees) and on the license's timeline with
 * its facts (the overage seat over the pool), in English and Japanese.
 */
import { createHash } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { chromiumAvailable, desktopContext, screenshot, watchErrors } from "./support/browser.js";
import { field, tokenWithRole, type WebServer } from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

async function signIn(page: Page, web: WebServer, token: string, path: string) {
  await page.goto(`${web.url}${path}`);
  await page.getByLabel(/Admin API token|管理 API トークン/).fill(token);
  await page.getByRole("button", { name: /Sign in|サインイン/ }).click();
}

const checkOut = (web: WebServer, key: string, name: string) =>
  web.call("POST", "/v1/seats", {
    key,
    fingerprint: {
      collector: "test/1",
      components: [{ kind: "board", digest: createHash("sha256").update(name).digest("hex") }],
    },
    device: { name, platform: "windows" },
  });

describe.runIf(chromiumAvailable())("seat refusals at the support desk in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  let licenseId: string;
  let nextFreeAt: string;
  useWebAndChromium((opened) => ({ web, browser } = opened));
  beforeAll(async () => {
    const product = await web.call("POST", "/v1/admin/products", { name: "CAD floating" });
    const policy = await web.call("POST", "/v1/admin/policies", {
      productId: field(product, "id"),
      name: "Floating 2",
      channel: "floating",
      seats: 2,
      heartbeatTimeoutSeconds: 600,
      overage: { percent: 50, hours: 24 },
    });
    const issued = await web.call("POST", "/v1/admin/licenses", { policyId: field(policy, "id"), count: 1 });
    const license = (issued.body.licenses as { id: string; key: string }[])[0];
    if (!license) throw new Error("no license");
    licenseId = license.id;
    // Two seats, one overage seat, then a full pool.
    for (const name of ["CAD-1", "CAD-2", "CAD-3"])
      expect((await checkOut(web, license.key, name)).status).toBe(201);
    const refused = await checkOut(web, license.key, "CAD-4");
    expect(refused.status).toBe(409);
    nextFreeAt = String((refused.body.error as { details: { nextFreeAt: string } }).details.nextFreeAt);
  });

  it("explains a full pool on the why page and words the seats on the timeline, in English", async () => {
    const support = await tokenWithRole(web, "support");
    const page = await (await desktopContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, support.token, `/console/why/${licenseId}?lang=en`);
    const refusal = page.locator(".refusals li").first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      `All 2 seats of this license are in use (3 held); the next one frees at ${nextFreeAt} at the latest.`,
    );
    expect(await refusal.textContent()).toContain("ask your administrator for more seats");
    expect(await refusal.textContent()).toContain("NO_SEAT_AVAILABLE");
    // A pool is counted in seats held, never as "0 devices in use" (its holders activate no device).
    expect(await page.locator("#seats-heading").textContent()).toBe("Seats held now: 3 of 2");
    expect(await page.locator("main").textContent()).not.toContain("Devices in use");
    await expectAccessible(page, "why seats en");
    await screenshot(page, "console-why-seats-desktop-en");

    await page.goto(`${web.url}/console/licenses/${licenseId}?lang=en`);
    const refusedLine = page.locator('.timeline li[data-event="seat.refused"]');
    await refusedLine.waitFor();
    expect(await refusedLine.textContent()).toContain("Seat refused");
    expect(await refusedLine.textContent()).toContain("Seat refused to CAD-4: NO_SEAT_AVAILABLE");
    const over = page.locator('.timeline li[data-event="seat.overage"]');
    expect(await over.textContent()).toContain(
      "Seat taken over the pool of 2 (2 already held; up to 1 more while the overage window is open)",
    );
    expect(errors).toEqual([]);
  });

  it("says the same in Japanese", async () => {
    const support = await tokenWithRole(web, "support");
    const page = await (await desktopContext(browser, "ja-JP")).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, support.token, `/console/why/${licenseId}?lang=ja`);
    const refusal = page.locator(".refusals li").first();
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("このライセンスの 2 席はすべて使用中です（3 席）");
    await expectAccessible(page, "why seats ja");
    await screenshot(page, "console-why-seats-desktop-ja");
    await page.goto(`${web.url}/console/licenses/${licenseId}?lang=ja`);
    const refusedLine = page.locator('.timeline li[data-event="seat.refused"]');
    await refusedLine.waitFor();
    expect(await refusedLine.textContent()).toContain("席の割り当てを拒否");
    expect(await refusedLine.textContent()).toContain("CAD-4 への席の割り当てが拒否されました");
    expect(await page.locator('.timeline li[data-event="seat.overage"]').textContent()).toContain(
      "2 席の上限を超えて席が使われました",
    );
    expect(errors).toEqual([]);
  });
});
