/**
 * The Preact console in Chromium, as a vendor would use it: sign in with the admin token, create a product and a
 * policy (a mistake named at its field first), generate keys with the progress bar and download the CSV,
 * activate a machine through the SDK (and check in twice), find it by its device id, see it on the overview's charts, then as
 * support explain the refusal of a second machine and free the slot; in English and Japanese, desktop and
 * phone sizes, each page checked by axe-core.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
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
import { activateWithSdk } from "./support/sdk.js";
import type { WebServer } from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

async function go(page: Page, path: string, heading: string) {
  await page
    .getByRole("navigation", { name: /Console|コンソール/ })
    .getByRole("link", { name: path })
    .click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

describe.runIf(chromiumAvailable())("the console app in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  useWebAndChromium((opened) => ({ web, browser } = opened));

  it("runs a product from sign-in to a device on the chart, and support explains a refusal", async () => {
    const page = await (await desktopContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/console?lang=en`);
    await page.getByRole("heading", { name: "Sign in with your admin token" }).waitFor();
    await expectAccessible(page, "sign-in");
    await screenshot(page, "console-sign-in-desktop-en");
    await page.getByLabel("Admin API token").fill(web.adminToken);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    expect(await page.evaluate("sessionStorage.getItem('ninsho.console.token')")).toBe(web.adminToken);
    expect(page.url()).not.toContain(web.adminToken);

    // A product and a policy; a device limit of 0 is named at its field before anything is sent.
    await go(page, "Products and policies", "Products and policies");
    await page.getByLabel("Product name").fill("PhotoLab Pro");
    await page.getByRole("button", { name: "Create" }).first().click();
    await page.getByRole("heading", { name: "Policies of PhotoLab Pro" }).waitFor();
    await page.getByLabel("Policy name").fill("Retail, 1 PC");
    await page.getByLabel("Device limit").fill("0");
    await page.locator("#policy-form").getByRole("button", { name: "Create" }).click();
    expect(await page.locator("#policy-maxDevices-error").textContent()).toBe(
      "Type a whole number from 1 to 1000000.",
    );
    await page.getByLabel("Device limit").fill("1");
    await page.locator("#policy-form").getByRole("button", { name: "Create" }).click();
    await page.getByText("Created Retail, 1 PC.").waitFor();
    await expectAccessible(page, "products");
    await screenshot(page, "console-products-desktop-en");

    // Keys: the progress bar fills, the CSV downloads with a key per line.
    await go(page, "Generate keys", "Generate keys");
    await page.getByLabel("Policy", { exact: true }).selectOption({ label: "Retail, 1 PC (Retail)" });
    await page.getByLabel("How many keys").fill("3");
    await page.getByRole("button", { name: "Generate" }).click();
    await page.getByText("3 keys generated.").waitFor();
    expect(await page.locator("#keys-progress").getAttribute("value")).toBe("3");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the CSV" }).click();
    const csv = (await readFile(await (await download).path(), "utf8")).trim().split("\n");
    expect(csv[0]).toBe("license_id,key,policy_id,created_at");
    expect(csv).toHaveLength(4);
    const [licenseId = "", key = "", policyId = ""] = csv[1]?.split(",") ?? [];
    await expectAccessible(page, "keys");
    await screenshot(page, "console-keys-desktop-en");

    // The vendor's app activates through the SDK; a second machine is refused (1 device allowed).
    const policy = await web.call("GET", `/v1/admin/policies/${policyId}`);
    const productId = String(policy.body.productId);
    const first = await activateWithSdk(web, productId, key, "studio-pc", 2);
    expect(first.ok, JSON.stringify(first.answer)).toBe(true);
    expect((await activateWithSdk(web, productId, key, "laptop")).ok).toBe(false);

    // Found by device id; its license page shows the device and the timeline in words.
    await go(page, "Find a license", "Find a license");
    await page.getByLabel("Key, email, id, device name or installation ID").fill(first.deviceId ?? "");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("1 license found.").waitFor();
    await page.getByRole("link", { name: licenseId }).click();
    await page.locator(`[data-device-id="${first.deviceId}"]`).getByText("studio-pc").waitFor();
    await page.getByText("New device activated").waitFor();
    await page.getByText("Activation refused").waitFor();
    await expectAccessible(page, "license");
    await screenshot(page, "console-license-desktop-en");

    // On the overview's chart: today's row counts the activation and the refusal.
    await go(page, "Overview", "Overview");
    await page.locator("#per-day .uplot").waitFor();
    await page.locator("#per-day-title").waitFor();
    const today = page.locator("#per-day-table tbody tr").last();
    expect(await today.locator("td").allTextContents()).toEqual(["1", "0", "1", "0"]);
    // The SDK's two check-ins, from the validations' per-day counter.
    await page.locator("#validations .uplot").waitFor();
    expect(await page.locator("#validations-table tbody tr").last().locator("td").allTextContents()).toEqual([
      "2",
    ]);
    expect(await page.locator("#refusal-codes-table tbody").textContent()).toContain("DEVICE_LIMIT_REACHED");
    await expectAccessible(page, "overview");
    await screenshot(page, "console-overview-desktop-en");

    // Support explains the refusal in the catalogue's words and frees the slot, with a reason.
    await page.goto(`${web.url}/console/why/${licenseId}?lang=en`);
    await page.getByText("Devices in use: 1 of 1.", { exact: false }).waitFor();
    const refusal = page.locator("ol.refusals li").first();
    await refusal.getByText("Code: DEVICE_LIMIT_REACHED", { exact: false }).waitFor();
    expect(await refusal.textContent()).toMatch(/Match score 0(\.\d+)? \(threshold 0\.\d+\)/);
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("button", { name: "Deactivate" }).click(); // no reason yet: asked for one
    await page.getByText("Say why: the reason is recorded in the timeline.").waitFor();
    await page.getByLabel("Deactivate: Reason").fill("ticket 4711, old PC sold");
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByText("Devices in use: 0 of 1.", { exact: false }).waitFor();
    await expectAccessible(page, "support desk");
    await screenshot(page, "console-why-desktop-en");
    const events = await web.call("GET", `/v1/admin/licenses/${licenseId}/timeline`);
    expect(JSON.stringify(events.body)).toContain("ticket 4711, old PC sold");

    // A note for staff, in the license's timeline in words.
    await page.getByRole("button", { name: "Add a note" }).click();
    await page.getByLabel("Add a note: Note").fill("Customer gets a new PC next week");
    await page.getByRole("button", { name: "Add a note" }).click();
    await page.goto(`${web.url}/console/licenses/${licenseId}?lang=en`);
    await page.getByText("Note for staff").waitFor();

    // The policy archived with a reason, which the audit log shows.
    await go(page, "Products and policies", "Products and policies");
    await page.getByRole("button", { name: "Policies of PhotoLab Pro" }).click();
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByLabel("Archive: Reason").fill("replaced by the 2027 edition");
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByText(/^Archived /).waitFor();
    await go(page, "Audit log", "Audit log");
    await page.getByText("Reason: replaced by the 2027 edition").waitFor();
    await expectAccessible(page, "audit");
    await screenshot(page, "console-audit-desktop-en");

    // A webhook: its secret shown once, then listed with its (empty) delivery log.
    await go(page, "Webhooks", "Webhooks");
    await page.getByLabel("Address (https://…)").fill("https://203.0.113.10/ninsho-hook");
    await page.getByLabel("Event types").fill("device.*, license.*");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await page.getByText("The signing secret, shown only now:").waitFor();
    await page.getByRole("heading", { name: "https://203.0.113.10/ninsho-hook" }).waitFor();
    await page.getByText("Deliveries").click();
    await expectAccessible(page, "webhooks");
    await screenshot(page, "console-webhooks-desktop-en");

    // Switch to Japanese in place: the words change, the session stays.
    await page.goto(`${web.url}/console/why/${licenseId}?lang=en`);
    await page.getByText("Devices in use: 0 of 1.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "日本語" }).click();
    await page.getByText("使用中のデバイス：0 / 1 台。", { exact: false }).waitFor();
    expect(await page.evaluate("document.documentElement.lang")).toBe("ja");
    expect(page.url()).toContain("lang=ja");
    await expectAccessible(page, "support desk ja");
    await screenshot(page, "console-why-desktop-ja");
    expect(errors).toEqual([]);
  });

  it("fits a phone in both languages, reading Japanese from the browser", async () => {
    for (const [locale, overview] of [
      ["en-US", "Overview"],
      ["ja-JP", "概要"],
    ] as const) {
      const page = await (await phoneContext(browser, locale)).newPage();
      const errors = watchErrors(page);
      await page.goto(`${web.url}/console`);
      await page.getByLabel(/Admin API token|管理 API トークン/).fill(web.adminToken);
      await page.getByRole("button", { name: /Sign in|サインイン/ }).click();
      await page.getByRole("heading", { level: 1, name: overview }).waitFor();
      await page.locator("#per-day .uplot").waitFor();
      await fitsPhone(page);
      await expectAccessible(page, `overview ${locale}`);
      await screenshot(page, `console-overview-phone-${locale.slice(0, 2)}`);
      expect(errors).toEqual([]);
    }
  });
});
