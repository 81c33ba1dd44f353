/**
 * The support console in a real browser: sign-in with a pasted token (kept in sessionStorage only), the phone
 * flow for a caller at /console/phone (the desk's caller form) with a reason for the timeline and the product
 * it activates over the confirmation ID, and the license lookup (at its
 * old address, now the console app's search, with a floating license's seats on the license page).
 */
import { describe as catalogueText, verifyConfirmationId } from "@ninsho/core";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { chromiumAvailable, fitsPhone, phoneContext, screenshot, watchErrors } from "./support/browser.js";
import { catalogue, installationIdOf, offlineKey, tokenWithRole, type WebServer } from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel("Admin API token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe.runIf(chromiumAvailable())("/console in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  useWebAndChromium((opened) => ({ web, browser } = opened));

  it("activates a caller's machine with a support token and a reason, recorded in the timeline", async () => {
    const c = await catalogue(web, { maxDevices: 2 });
    const agent = await tokenWithRole(web, "support");
    const iid = await installationIdOf(web, c, "caller-workstation");
    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    // The older phone page's address is the console app's caller form now.
    await page.goto(`${web.url}/console/phone?lang=en`);
    await page.getByRole("heading", { name: "Sign in with your admin token" }).waitFor();
    expect(await page.locator("#caller-form").count()).toBe(0);

    await signIn(page, "nsh_admin_not-a-real-token");
    await expect
      .poll(() => page.locator("#token-error").textContent())
      .toBe("This token was not accepted. Paste it again or ask an admin for a new one.");
    await signIn(page, agent.token);
    await page.getByRole("heading", { level: 1, name: "Phone activation for a caller" }).waitFor();
    expect(await page.locator(".session p").textContent()).toBe(`support · ${agent.id}`);
    // This tab only: never a cookie, never the URL.
    expect(await page.evaluate("sessionStorage.getItem('ninsho.console.token')")).toBe(agent.token);
    expect(await page.context().cookies()).toEqual([]);
    expect(page.url()).not.toContain(agent.token);

    // The agent types what the caller read out in one go, as it was read (spaces between the groups).
    const caller = page.locator("#caller-form");
    await caller.getByLabel("Installation ID the caller reads out").fill(iid.groups.join(" "));
    await caller.getByRole("button", { name: "Whose license is it?" }).click();
    await expect.poll(() => page.locator("#caller-owner").textContent()).toContain(c.licenseId);
    await caller.getByLabel("Reason").fill("Caller on the phone, ticket 4711");
    await screenshot(page, "console-phone-filled");
    await caller.getByRole("button", { name: "Issue the confirmation ID" }).click();

    await page.locator("#caller-cid li").nth(16).waitFor();
    const confirmationId = (await page.locator("#caller-cid [data-cid-group]").allTextContents()).join("-");
    const { publicKey } = await offlineKey(web, c.productId);
    expect(verifyConfirmationId({ installationId: iid, confirmationId, publicKey }).ok).toBe(true);
    // Headed with the product it activates, in the words of the caller's own phone page.
    expect(await caller.getByRole("heading", { level: 4 }).textContent()).toBe("Activation of Lab suite");
    expect(await page.locator("#caller-product").textContent()).toBe("Activation of Lab suite");
    await fitsPhone(page);
    await expectAccessible(page, "console phone confirmed");
    await screenshot(page, "console-phone-confirmed");

    const timeline = await web.call("GET", `/v1/admin/licenses/${c.licenseId}/timeline`);
    const events = timeline.body.events as { type: string; actor: string; reason?: string }[];
    expect(events.find((e) => e.type === "device.activated")).toMatchObject({
      actor: `token:${agent.id}`,
      reason: "Caller on the phone, ticket 4711",
    });

    await page.reload();
    await page.locator("#caller-form").waitFor(); // still signed in within the tab
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in with your admin token" }).waitFor();
    expect(await page.evaluate("sessionStorage.getItem('ninsho.console.token')")).toBeNull();
    expect(errors).toEqual([]);
  });

  it("turns away a read-only token from the phone flow, in Japanese", async () => {
    const reader = await tokenWithRole(web, "readonly");
    const page = await (await phoneContext(browser, "ja-JP")).newPage();
    await page.goto(`${web.url}/console/phone`); // Accept-Language: ja, from the browser's locale
    await page.getByLabel("管理 API トークン").fill(reader.token);
    await page.getByRole("button", { name: "サインイン" }).click();
    await expect
      .poll(() => page.locator("#phone-role").textContent())
      .toBe("このトークンのロールは「readonly」です。このページには support または admin が必要です。");
    expect(await page.locator("#caller-form").count()).toBe(0);
    await screenshot(page, "console-ja-sign-in-refused");
  });

  it("says in the catalogue's words when the server cannot be reached, or answers not as the API, in Japanese", async () => {
    const agent = await tokenWithRole(web, "support");
    const page = await (await phoneContext(browser, "ja-JP")).newPage();
    const errors = watchErrors(page);
    let call = 0;
    await page.route("**/v1/admin/whoami", (route) =>
      ++call === 1
        ? route.abort("internetdisconnected")
        : route.fulfill({ status: 200, contentType: "text/html", body: "<p>Sign in to the Wi-Fi</p>" }),
    );
    await page.goto(`${web.url}/console/phone`);
    const signInAs = async () => {
      await page.getByLabel("管理 API トークン").fill(agent.token);
      await page.getByRole("button", { name: "サインイン" }).click();
    };
    const shown = (code: "SERVER_UNREACHABLE" | "RESPONSE_INVALID") => {
      const text = catalogueText(code, "ja", { url: web.url });
      return `${text.message} ${text.remedy} コード：${code}`;
    };
    await signInAs();
    await expect.poll(() => page.locator("#token-error").textContent()).toBe(shown("SERVER_UNREACHABLE"));
    await screenshot(page, "console-ja-unreachable");
    await signInAs();
    await expect.poll(() => page.locator("#token-error").textContent()).toBe(shown("RESPONSE_INVALID"));
    expect(await page.locator("#caller-form").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("looks a license up by key and by owner email: its devices and its timeline", async () => {
    const c = await catalogue(web, { maxDevices: 2 }, "aiko@example.com");
    const activated = await web.call("POST", "/v1/offline/confirmations", {
      installationId: (await installationIdOf(web, c, "aiko-laptop")).text,
      deviceName: "Aiko's laptop",
    });
    expect(activated.status).toBe(201);
    const agent = await tokenWithRole(web, "support");
    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    // The lookup's old address is the console app's search now.
    await page.goto(`${web.url}/console/licenses?lang=en`);
    await page.getByLabel("Admin API token").fill(agent.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Find a license" }).waitFor();

    // Read out in lower case with spaces, as a customer might.
    const box = page.getByLabel("Key, email, id, device name or installation ID");
    await box.fill(c.key.toLowerCase().replaceAll("-", " "));
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByText("1 license found.").waitFor();
    await page.getByRole("link", { name: c.licenseId }).click();
    await page.getByRole("heading", { level: 1, name: `License ${c.licenseId}` }).waitFor();
    await page.locator("ul.devices").getByText("Aiko's laptop").waitFor();
    await page.locator("ol.timeline").getByText("New device activated").waitFor();
    await fitsPhone(page);
    await screenshot(page, "console-license");

    await page.goto(`${web.url}/console/licenses?lang=en`);
    await box.fill("aiko@example.com");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: c.licenseId }).click();
    await page.getByRole("heading", { level: 1, name: `License ${c.licenseId}` }).waitFor();
    expect(await page.locator("dl.facts").first().textContent()).toContain("aiko@example.com");
    expect(errors).toEqual([]);
  });

  it("shows a floating license's seats: who holds one, until when, and the peak per day, in Japanese", async () => {
    const product = await web.call("POST", "/v1/admin/products", { name: "CAD floating" });
    const policy = await web.call("POST", "/v1/admin/policies", {
      productId: product.body.id,
      name: "Floating 5",
      channel: "floating",
      seats: 5,
      heartbeatTimeoutSeconds: 600,
    });
    const issued = await web.call("POST", "/v1/admin/licenses", { policyId: policy.body.id, count: 1 });
    const license = (issued.body.licenses as { id: string; key: string }[])[0];
    if (!license) throw new Error("no license");
    const seat = await web.call("POST", "/v1/seats", {
      key: license.key,
      fingerprint: { collector: "test/1", components: [{ kind: "board", digest: "0123456789abcdef0123" }] },
      device: { name: "CAD-Station-7", platform: "windows" },
    });
    expect(seat.status).toBe(201);
    const agent = await tokenWithRole(web, "support");
    const page = await (await phoneContext(browser, "ja-JP")).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/console/licenses?lang=ja`);
    await page.getByLabel("管理 API トークン").fill(agent.token);
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.locator("#search-query").fill(license.key);
    await page.locator("#search-query").press("Enter");
    await page.getByRole("link", { name: license.id }).click();
    await page.locator("ul.seats").waitFor();
    expect(await page.locator("#seats-heading").textContent()).toBe("現在使用中の席: 5 席中 1 席");
    expect(await page.locator("ul.seats").textContent()).toContain("CAD-Station-7");
    expect(await page.locator("table.peaks tbody tr").first().textContent()).toMatch(/1$/);
    await fitsPhone(page);
    await expectAccessible(page, "seats ja");
    await screenshot(page, "console-seats");
    expect(errors).toEqual([]);
  });
});
