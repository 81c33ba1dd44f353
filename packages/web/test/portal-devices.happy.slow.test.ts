/**
 * The portal keeps what the error remedies promise, in Chromium at phone width: an owner whose third machine
 * was refused reads why in plain words, renames a device, frees one ("I no longer use this device"), sees the
 * moves left before choosing "I changed hardware on this device", and takes a license file for the changed,
 * offline computer — then reads it all in Japanese. Each state is checked by axe-core and photographed.
 */
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { chromiumAvailable, fitsPhone, phoneContext, screenshot, watchErrors } from "./support/browser.js";
import { catalogue, machine, requestFileOf, type WebServer } from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

const PASSWORD = "correct horse battery staple 42";

describe.runIf(chromiumAvailable())("the portal's devices in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  useWebAndChromium((opened) => ({ web, browser } = opened));

  it("explains a refusal, renames and frees a device, and moves the license to a changed offline computer", async () => {
    const c = await catalogue(web, { maxDevices: 2, transferable: true });
    for (const name of ["Desktop", "Laptop", "Third PC"]) {
      await web.call("POST", "/v1/activations", {
        key: c.key,
        fingerprint: machine(name),
        device: { name, platform: "windows" },
      });
    }
    expect(
      (await web.call("POST", "/v1/accounts", { email: "ren@example.jp", password: PASSWORD }, null)).status,
    ).toBe(201);

    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/portal?lang=en`);
    await page.getByLabel("Email").fill("ren@example.jp");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByLabel("Product key").fill(c.key);
    await page.getByRole("button", { name: "Add" }).click();
    const card = page.locator(`[data-license-id="${c.licenseId}"]`);
    await card.getByText("2 of 2 devices in use").waitFor();
    const checks = page.locator(`[data-checks="${c.licenseId}"]`);
    await checks.getByText("All 2 places are in use.", { exact: false }).waitFor();

    // The troubleshooter: the third PC's refusal in the catalogue's words, and what to do.
    const refusal = page.locator('[data-refusal-code="DEVICE_LIMIT_REACHED"]');
    await refusal.getByText("already activated on 2 of 2", { exact: false }).waitFor();
    await refusal.getByText("in the customer portal", { exact: false }).waitFor();
    await expectAccessible(page, "portal devices");
    await screenshot(page, "portal-devices-phone-en");

    // Rename: a wrong name is said at once; a good one is kept.
    const laptop = card.locator("li", { hasText: "Laptop" });
    await laptop.getByRole("button", { name: "Rename" }).click();
    await laptop.getByLabel("New name").fill("   ");
    await laptop.getByRole("button", { name: "Save" }).click();
    await laptop.getByText("Type a name of 1 to 64 characters", { exact: false }).waitFor();
    await laptop.getByLabel("New name").fill("Old laptop");
    await laptop.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText("Renamed.").waitFor();
    const old = card.locator("li", { hasText: "Old laptop" });

    // "I changed hardware": the moves left first, then how to finish, or a license file for an offline machine.
    const desktop = card.locator("li:not(.gone)", { hasText: "Desktop" });
    await desktop.getByRole("button", { name: "I changed hardware on this device" }).click();
    await desktop.getByText("3 moves left of 3 in the last 12 months.").waitFor();
    // The command is a <code>, which breaks anywhere: a device id with wide letters once made the page 405 px.
    await desktop.locator("code", { hasText: /^ninsho device transfer --replaces dev_\w+$/ }).waitFor();
    await expectAccessible(page, "portal hardware change");
    await fitsPhone(page);
    await screenshot(page, "portal-hardware-phone-en");
    await desktop.getByLabel("Request file").setInputFiles({
      name: "ninsho-request.json",
      mimeType: "application/json",
      buffer: Buffer.from(requestFileOf(c, "New desktop")),
    });
    await desktop.getByRole("button", { name: "Make the license file" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the license file" }).click();
    const file = await (await download).path();
    expect((await readFile(file, "utf8")).split(".")).toHaveLength(3);
    // The license was full: the changed computer took the desktop's place, with one move spent.
    await card.getByText("New desktop").waitFor();
    await card.getByText("2 moves left this year").waitFor();
    await card.locator("li.gone", { hasText: "Desktop" }).waitFor();
    await card.getByText("2 of 2 devices in use").waitFor();

    // "I no longer use this device" frees its place.
    await old.getByRole("button", { name: "I no longer use this device" }).click();
    await old.getByText("frees its place on the license", { exact: false }).waitFor();
    await old.getByRole("button", { name: "Yes, free this place" }).click();
    await card.getByText("1 of 2 devices in use").waitFor();
    await card.locator("li.gone", { hasText: "Old laptop" }).waitFor();

    await checks.getByText("Works, with nothing to fix.").waitFor();

    // Support suspends the license: the checks say why and what to do, in the catalogue's words, in Japanese.
    const suspended = await web.call("POST", `/v1/admin/licenses/${c.licenseId}/suspend`, {
      reason: "chargeback",
    });
    expect(suspended.status).toBe(200);
    await page.getByRole("button", { name: "日本語" }).click();
    await page.getByRole("heading", { level: 1, name: "マイライセンス" }).waitFor();
    await page.getByText("このデバイスはもう使わない").first().waitFor();
    await page.getByText("台で既にアクティベートされており", { exact: false }).waitFor();
    await checks
      .locator('[data-standing="LICENSE_SUSPENDED"]')
      .getByText("このライセンスは一時停止されています: chargeback")
      .waitFor();
    await expectAccessible(page, "portal devices ja");
    await screenshot(page, "portal-devices-phone-ja");
    expect(errors).toEqual([]);
  });
});
