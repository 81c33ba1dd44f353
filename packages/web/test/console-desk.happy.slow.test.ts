/**
 * The console's edit forms and the support desk's fixes in Chromium: a policy edited (a value the server
 * refuses named at its field, in the server's words), a license's own rules and features changed with a
 * reason, and at the support desk a caller's phone confirmation (whose license it is first, the owner's address masked), a move to the
 * caller's new computer and a warranty repair of an OEM license; English and Japanese, desktop and 390 px,
 * each page checked by axe-core.
 */
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
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
import {
  type Catalogue,
  catalogue,
  field,
  installationIdOf,
  tokenWithRole,
  type WebServer,
} from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

async function signIn(page: Page, web: WebServer, token: string, path: string) {
  await page.goto(`${web.url}${path}`);
  await page.getByLabel(/Admin API token|管理 API トークン/).fill(token);
  await page.getByRole("button", { name: /Sign in|サインイン/ }).click();
}

const events = async (web: WebServer, licenseId: string) =>
  JSON.stringify((await web.call("GET", `/v1/admin/licenses/${licenseId}/timeline`)).body);

describe.runIf(chromiumAvailable())("the console's edit forms and the support desk in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  let c: Catalogue;
  let oldPc: string;
  useWebAndChromium((opened) => ({ web, browser } = opened));
  beforeAll(async () => {
    c = await catalogue(web, { maxDevices: 1, transferable: true }, "aiko@example.jp");
    const first = await activateWithSdk(web, c.productId, c.key, "old-pc");
    expect(first.ok, JSON.stringify(first.answer)).toBe(true);
    oldPc = first.deviceId ?? "";
  });

  it("edits a policy, naming at its field what the server refuses", async () => {
    const page = await (await desktopContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, web.adminToken, "/console/products?lang=en");
    await page.getByRole("button", { name: "Policies of Lab suite" }).click();
    await page.getByRole("button", { name: "Edit Lab policy" }).click();
    const form = page.locator(`#edit-${c.policyId}-form`);
    // The page checks bounds, not lengths: a 201-character name reaches the server, which names the field.
    await form.getByLabel("Policy name").fill("L".repeat(201));
    await form.getByLabel("Reason").fill("renamed for the 2027 edition");
    await form.getByRole("button", { name: "Save" }).click();
    const nameError = page.locator(`#edit-${c.policyId}-name-error`);
    await nameError.waitFor();
    expect(await nameError.textContent()).toMatch(/^The server refused this value: .*200/);
    await form.getByText("Code: VALIDATION_FAILED").waitFor();
    expect(await form.getByLabel("Policy name").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "policy edit refused");
    await screenshot(page, "console-policy-edit-desktop-en");
    await form.getByLabel("Policy name").fill("Lab policy 2027");
    await form.getByLabel("Moves per year").fill("5");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved Lab policy 2027. Its licenses follow from their next lease.").waitFor();
    const policy = await web.call("GET", `/v1/admin/policies/${c.policyId}`);
    expect([policy.body.name, policy.body.transfersPerYear, policy.body.leaseSeconds]).toEqual([
      "Lab policy 2027",
      5,
      30 * 86_400,
    ]);
    const audit = JSON.stringify((await web.call("GET", "/v1/admin/audit")).body);
    expect(audit).toContain("renamed for the 2027 edition");
    expect(errors).toEqual([]);
  });

  it("changes a license's own rules and features with a reason", async () => {
    const page = await (await desktopContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, web.adminToken, `/console/licenses/${c.licenseId}?lang=en`);
    const rules = page.locator("#license-rules");
    await rules.getByText("(from the policy)").first().waitFor();
    await page.getByLabel("Device limit").fill("2");
    await page.locator("#override-reason").fill("bought a second PC, order 5521");
    await page.getByRole("button", { name: "Save the rules" }).click();
    await rules.getByText("(this license's own; the policy says 1)").waitFor();
    // A feature name longer than the server takes: refused at the field, in the server's words.
    await page.getByLabel("Features to add (comma separated)").fill("x".repeat(101));
    await page.locator("#features-reason").fill("export add-on, order 5522");
    await page.getByRole("button", { name: "Change the features" }).click();
    expect(await page.locator("#features-add-error").textContent()).toMatch(
      /^The server refused this value:/,
    );
    await page.getByLabel("Features to add (comma separated)").fill("export");
    await page.getByRole("button", { name: "Change the features" }).click();
    await rules.getByText("export").waitFor();
    await page.getByText("Rules of this license changed").waitFor();
    await page.getByText("Features of this license changed").waitFor();
    await expectAccessible(page, "license rules");
    await screenshot(page, "console-license-rules-desktop-en");
    const timeline = await events(web, c.licenseId);
    expect(timeline).toContain("bought a second PC, order 5521");
    expect(timeline).toContain("export add-on, order 5522");
    expect(errors).toEqual([]);
  });

  it("lets support confirm a caller's installation and move the license to the caller's new computer", async () => {
    const support = await tokenWithRole(web, "support");
    const page = await (await desktopContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, support.token, `/console/why/${c.licenseId}?lang=en`);
    await page.getByRole("heading", { name: "Phone confirmation for a caller" }).waitFor();

    // A caller's machine: whose license the installation ID is, shown before anything is issued.
    const caller = page.locator("#caller-form");
    await caller
      .getByLabel("Installation ID the caller reads out")
      .fill((await installationIdOf(web, c, "caller-pc")).text);
    await caller.getByRole("button", { name: "Whose license is it?" }).click();
    const owner = page.locator("#caller-owner");
    await owner
      .getByText(`License ${c.licenseId} of Lab suite, owner a•••@example.jp.`, { exact: false })
      .waitFor();
    // The address is masked: support asks the caller for it and never reads it out.
    expect(await owner.textContent()).not.toContain("aiko@");
    await caller.getByRole("button", { name: "Issue the confirmation ID" }).click();
    await caller.getByText("Say why: the reason is recorded in the timeline.").waitFor();
    await caller.getByLabel("Reason").fill("caller on ticket 7001");
    await caller.getByRole("button", { name: "Issue the confirmation ID" }).click();
    await page.locator("#caller-cid li").nth(16).waitFor();
    expect(await page.locator("#caller-cid [data-cid-group]").count()).toBe(17);
    await page.getByText("Devices in use: 2 of", { exact: false }).waitFor();

    // The license is full: support moves it from the old computer to the caller's new one.
    const move = page.locator("#move-form");
    await move.getByLabel("Computer it replaces").selectOption({ value: oldPc });
    await move
      .getByLabel("Installation ID the caller reads out")
      .fill((await installationIdOf(web, c, "new-pc")).text);
    await move.getByLabel("Reason").fill("old PC died, ticket 7002");
    await move.getByRole("button", { name: "Move to the new computer" }).click();
    await move.getByText("Moved. Read this confirmation ID to the caller:").waitFor();
    expect(await page.locator("#move-cid [data-cid-group]").count()).toBe(17);
    await expect.poll(() => move.locator(`option[value="${oldPc}"]`).count()).toBe(0);
    await expectAccessible(page, "support desk fixes");
    await screenshot(page, "console-why-fixes-desktop-en");
    const timeline = await events(web, c.licenseId);
    expect(timeline).toContain("caller on ticket 7001");
    expect(timeline).toContain("device.transferred");
    expect(timeline).toContain(`token:${support.id}`);
    const old = await web.call("GET", `/v1/admin/licenses/${c.licenseId}`);
    const devices = old.body.devices as { id: string; deactivatedAt?: string }[];
    expect(devices.find((d) => d.id === oldPc)?.deactivatedAt).toBeDefined();

    // Support's desk has no admin-only forms: the license's rules are shown, not editable.
    await page.goto(`${web.url}/console/licenses/${c.licenseId}?lang=en`);
    await page.locator("#license-rules").waitFor();
    expect(await page.locator("#overrides-form, #features-form").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("records a warranty repair of an OEM license at the support desk", async () => {
    const product = await web.call("POST", "/v1/admin/products", { name: "Board suite" });
    const productId = field(product, "id");
    const policy = await web.call("POST", "/v1/admin/policies", {
      productId,
      name: "OEM board",
      channel: "oem",
    });
    const issued = await web.call("POST", "/v1/admin/licenses", { policyId: field(policy, "id"), count: 1 });
    const [oem] = issued.body.licenses as { id: string; key: string }[];
    if (!oem) throw new Error(JSON.stringify(issued.body));
    expect((await activateWithSdk(web, productId, oem.key, "factory-pc")).ok).toBe(true);
    const page = await (await desktopContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, web.adminToken, `/console/why/${oem.id}?lang=en`);
    await page.getByRole("heading", { name: "Warranty repair (OEM, bundle)" }).waitFor();
    await page.getByRole("button", { name: "Record a warranty repair" }).click();
    await page.getByLabel("Record a warranty repair: Reason").fill("board replaced, RMA 4411");
    await page.getByRole("button", { name: "Record a warranty repair" }).click();
    await page.getByText("A warranty repair is recorded", { exact: false }).waitFor();
    expect(await events(web, oem.id)).toContain("board replaced, RMA 4411");
    expect(errors).toEqual([]);
  });

  it("lets support extend a license by a few days as goodwill, and names its limit when asked for more", async () => {
    const support = await tokenWithRole(web, "support");
    const issued = await web.call("POST", "/v1/admin/licenses", { policyId: c.policyId, count: 1 });
    const [license] = issued.body.licenses as { id: string }[];
    if (!license) throw new Error(JSON.stringify(issued.body));
    const expiresAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await web.call("POST", `/v1/admin/licenses/${license.id}/extend`, { expiresAt, reason: "trial term" });
    const page = await (await desktopContext(browser)).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, support.token, `/console/why/${license.id}?lang=en`);
    await page.getByRole("button", { name: "Extend" }).click();
    const form = page.locator("form.action", { has: page.locator("#why-extend-days") });
    await form.getByText("Support may add at most 30 days, so until", { exact: false }).waitFor();
    expect(await form.getByLabel("Days to add").inputValue()).toBe("30");

    // More than support's 30 days: refused by the server, in its words, and nothing changes.
    await form.getByLabel("Days to add").fill("45");
    await form.getByText("New expiry:", { exact: false }).waitFor();
    await form.getByLabel("Extend: Reason").fill("goodwill, ticket 8001");
    await form.getByRole("button", { name: "Extend" }).click();
    await form.getByText("Code: EXTENSION_BEYOND_SUPPORT_LIMIT").waitFor();
    await form.getByText("Support may not set this expiry:", { exact: false }).waitFor();
    await form.getByText("or ask an admin for more.", { exact: false }).waitFor();
    await expectAccessible(page, "support's extension refused");
    await screenshot(page, "console-why-extend-refused-desktop-en");

    // A few days: done, in the timeline with the support token and the reason.
    await form.getByLabel("Days to add").fill("5");
    await form.getByRole("button", { name: "Extend" }).click();
    await page.getByText("Done, and recorded in the timeline.").waitFor();
    const after = await web.call("GET", `/v1/admin/licenses/${license.id}`);
    expect(after.body.expiresAt).toBe(new Date(Date.parse(expiresAt) + 5 * 86_400_000).toISOString());
    const timeline = await events(web, license.id);
    expect(timeline).toContain("goodwill, ticket 8001");
    expect(timeline).toContain(`token:${support.id}`);
    const audit = JSON.stringify((await web.call("GET", `/v1/admin/audit?target=${license.id}`)).body);
    expect(audit).toContain("goodwill, ticket 8001");

    // A second goodwill extension within 30 days: refused, worded, with when support may again.
    await page.getByRole("button", { name: "Extend" }).click();
    await form.getByLabel("Days to add").fill("3");
    await form.getByLabel("Extend: Reason").fill("asked again");
    await form.getByRole("button", { name: "Extend" }).click();
    await form.getByText("Code: SUPPORT_EXTENSION_TOO_SOON").waitFor();
    await form.getByText("Support already extended this license on", { exact: false }).waitFor();

    // The license page words the extension in its timeline.
    await page.goto(`${web.url}/console/licenses/${license.id}?lang=en`);
    await page.getByText("License extended").first().waitFor();
    await page.locator(".timeline").getByText("goodwill, ticket 8001", { exact: false }).waitFor();
    await expectAccessible(page, "license after support's extension");
    expect(errors).toEqual([]);
  });

  it("fits a phone in both languages, reading Japanese from the browser", async () => {
    for (const [locale, rules, desk] of [
      ["en-US", "This license's rules", "Move the license to the caller's new computer"],
      ["ja-JP", "このライセンスのルール", "お客様の新しいコンピューターへライセンスを移行"],
    ] as const) {
      const lang = locale.slice(0, 2);
      const page = await (await phoneContext(browser, locale)).newPage();
      const errors = watchErrors(page);
      await signIn(page, web, web.adminToken, `/console/licenses/${c.licenseId}`);
      await page.getByRole("heading", { name: rules, exact: true }).waitFor();
      await page.locator("#license-rules dd").first().waitFor();
      await fitsPhone(page);
      await expectAccessible(page, `license rules ${locale}`);
      await screenshot(page, `console-license-rules-phone-${lang}`);
      await page.goto(`${web.url}/console/why/${c.licenseId}`);
      await page.getByRole("heading", { name: desk }).waitFor();
      await fitsPhone(page);
      await expectAccessible(page, `support desk ${locale}`);
      await screenshot(page, `console-why-fixes-phone-${lang}`);
      await page.goto(`${web.url}/console/products`);
      await page.getByRole("button", { name: /Policies of Lab suite|Lab suite のポリシー/ }).click();
      await page.getByRole("button", { name: /^Edit Lab policy|^Lab policy.* を編集$/ }).click();
      await page.locator(`#edit-${c.policyId}-form`).waitFor();
      await fitsPhone(page);
      await expectAccessible(page, `policy edit ${locale}`);
      await screenshot(page, `console-policy-edit-phone-${lang}`);
      expect(errors).toEqual([]);
    }
  });

  it("shows the edit forms in Japanese on a desktop", async () => {
    const page = await (await desktopContext(browser, "ja-JP")).newPage();
    const errors = watchErrors(page);
    await signIn(page, web, web.adminToken, `/console/licenses/${c.licenseId}?lang=ja`);
    await page.getByRole("heading", { name: "このライセンスのルールを変更" }).waitFor();
    await expectAccessible(page, "license rules ja");
    await screenshot(page, "console-license-rules-desktop-ja");
    await page.goto(`${web.url}/console/why/${c.licenseId}?lang=ja`);
    await page.getByRole("heading", { name: "電話のお客様への確認 ID" }).waitFor();
    await expectAccessible(page, "support desk ja");
    await screenshot(page, "console-why-fixes-desktop-ja");
    await page.goto(`${web.url}/console/products?lang=ja`);
    await page.getByRole("button", { name: "Lab suite のポリシー" }).click();
    await page.getByRole("button", { name: "Lab policy 2027 を編集" }).click();
    await page.locator(`#edit-${c.policyId}-form`).waitFor();
    await expectAccessible(page, "policy edit ja");
    await screenshot(page, "console-policy-edit-desktop-ja");
    expect(errors).toEqual([]);
  });
});
