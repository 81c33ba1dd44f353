/**
 * The phone flow in a real browser (issue 4's "done when"): a QR code's link prefills the ID; typing it group
 * by group flags a typo in its group at once; the confirmation ID read off the page is verified as a device
 * verifies it, with the product's published offline key alone; refusals and transfers in Japanese.
 */
import { describe as catalogueText, verifyConfirmationId } from "@ninsho/core";
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
import { catalogue, codeMailed, installationIdOf, offlineKey, type WebServer } from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

const groupInput = (page: Page, n: number) => page.locator(`#g${n}`);

/** The confirmation ID as the page shows it, group by group. */
async function shownConfirmation(page: Page): Promise<string> {
  await page.locator("#answer[data-state=confirmed]").waitFor();
  const groups = await page.locator("[data-cid-group]").allTextContents();
  expect(groups).toHaveLength(17);
  return groups.join("-");
}

/** Swap the first two different neighbours: the typo Damm's check is proven to catch. */
function withSwap(group: string): string {
  const i = [...group].findIndex((digit, j) => j + 1 < group.length && digit !== group[j + 1]);
  if (i < 0) throw new Error(`no swappable neighbours in ${group}`);
  return `${group.slice(0, i)}${group[i + 1]}${group[i]}${group.slice(i + 2)}`;
}

describe.runIf(chromiumAvailable())("/activate/phone in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  useWebAndChromium((opened) => ({ web, browser } = opened));

  it("prefills the groups from a QR code's #iid= link and checks each one", async () => {
    const c = await catalogue(web, { maxDevices: 3 });
    const iid = await installationIdOf(web, c, "qr-laptop");
    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/activate/phone#iid=${iid.groups.join("")}`);
    // Each group is labelled, brings up the number pad and names its own error line.
    for (let n = 1; n <= 9; n++) {
      const input = page.getByLabel(`Group ${n}`, { exact: true });
      expect(await input.getAttribute("inputmode")).toBe("numeric");
      expect(await input.getAttribute("aria-describedby")).toBe(`g${n}-error`);
    }
    for (const [i, group] of iid.groups.entries()) {
      await expect.poll(() => groupInput(page, i + 1).inputValue()).toBe(group);
      expect(await groupInput(page, i + 1).getAttribute("aria-invalid")).toBe("false");
    }
    expect(await page.locator("#iid-status").textContent()).toBe("All 9 groups check out.");
    // The whole ID is in: the cursor waits on the button, not in a group that would pop up the keypad.
    expect(await page.evaluate("document.activeElement?.type")).toBe("submit");
    await screenshot(page, "phone-en-prefilled");

    // Full-width digits, as a Japanese keyboard types them, are read as the digits they are.
    const first = iid.groups[0] ?? "";
    const fullWidth = [...first].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    await groupInput(page, 1).fill(fullWidth);
    expect(await groupInput(page, 1).inputValue()).toBe(first);
    expect(await groupInput(page, 1).getAttribute("aria-invalid")).toBe("false");
    expect(errors).toEqual([]);
  });

  it("flags a typo in its group as typed; once fixed, the confirmation it shows verifies on the device", async () => {
    const c = await catalogue(web, { maxDevices: 3 });
    const iid = await installationIdOf(web, c, "lab-pc-3");
    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/activate/phone?lang=en`);
    await groupInput(page, 1).click();
    const [g1, g2, g3, g4, ...rest] = iid.groups;
    if (g4 === undefined) throw new Error("short installation ID");
    // Groups 1-3 as read; each valid group moves the cursor on by itself.
    await page.keyboard.type(`${g1}${g2}${g3}`);
    await page.keyboard.type(withSwap(g4));
    await expect.poll(() => groupInput(page, 4).getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#g4-error").textContent()).toBe("Typo here");
    expect(await page.locator("#iid-status").textContent()).toBe(
      "Group 4 has a typo: compare its six digits with the screen.",
    );
    for (const n of [1, 2, 3]) expect(await groupInput(page, n).getAttribute("aria-invalid")).toBe("false");
    expect(await page.evaluate("document.activeElement?.id")).toBe("g4"); // the cursor stays to fix it
    await screenshot(page, "phone-en-typo");

    for (let i = 0; i < 6; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type(g4);
    await expect.poll(() => groupInput(page, 4).getAttribute("aria-invalid")).toBe("false");
    expect(await page.locator("#g4-error").isHidden()).toBe(true);
    await page.keyboard.type(rest.join(""));
    expect(await page.locator("#iid-status").textContent()).toBe("All 9 groups check out.");
    await page.locator("#device-name").fill("Lab PC 3");
    await page.getByRole("button", { name: "Get the confirmation ID" }).click();

    const confirmationId = await shownConfirmation(page);
    // Issue 14: the answer is headed with the product the key is for (the catalogue's "Lab suite").
    expect(await page.locator("#answer h2").textContent()).toBe("Activation of Lab suite");
    const { publicKey } = await offlineKey(web, c.productId);
    const verified = verifyConfirmationId({ installationId: iid, confirmationId, publicKey });
    expect(verified.ok).toBe(true);
    const grant = await page.locator(".grant").textContent();
    expect(grant).toContain("(30 days from the installation ID's date)");
    expect(grant).toContain("Device: Lab PC 3");
    expect(grant).toContain("Activated as a new device on this license.");
    await fitsPhone(page);
    await screenshot(page, "phone-en-confirmed");

    // The next computer starts from empty groups, with the cursor in the first and nothing left in the address.
    await page.getByRole("button", { name: "Activate another computer" }).click();
    await expect.poll(() => page.evaluate("document.activeElement?.id")).toBe("g1");
    for (let n = 1; n <= 9; n++) expect(await groupInput(page, n).inputValue()).toBe("");
    expect(await page.locator("#device-name").inputValue()).toBe("");
    expect(await page.locator("#answer").isHidden()).toBe(true);
    expect(page.url()).not.toContain("#iid=");
    expect(errors).toEqual([]);
  });

  it("follows navigator.language when nothing asks for a language; the switch keeps the digits typed", async () => {
    const c = await catalogue(web, { maxDevices: 3 });
    const iid = await installationIdOf(web, c, "kiosk");
    const page = await (await phoneContext(browser, "ja-JP")).newPage();
    // A request that prefers no language (`*`; Chromium puts its own default back when the header is removed):
    // the page's script then goes by the browser's language.
    await page.route("**/activate/phone", (route) =>
      route.continue({ headers: { ...route.request().headers(), "accept-language": "*" } }),
    );
    await page.goto(`${web.url}/activate/phone`);
    await page.waitForURL(/\?lang=ja$/);
    expect(await page.locator("h1").textContent()).toBe("電話でライセンス認証");

    // Group 1 through a Japanese IME: full-width digits composed, then committed; group 2 from the keypad.
    await groupInput(page, 1).click();
    const fullWidth = [...(iid.groups[0] ?? "")].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    const ime = await page.context().newCDPSession(page);
    for (let n = 1; n <= fullWidth.length; n++) {
      await ime.send("Input.imeSetComposition", {
        text: fullWidth.slice(0, n),
        selectionStart: n,
        selectionEnd: n,
      });
    }
    expect(await groupInput(page, 1).inputValue()).toBe(fullWidth); // left alone while composing
    await ime.send("Input.insertText", { text: fullWidth });
    await expect.poll(() => groupInput(page, 1).inputValue()).toBe(iid.groups[0]);
    await page.keyboard.type(iid.groups[1] ?? "");
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL(/\?lang=en#iid=\d{12}$/);
    expect(await page.locator("h1").textContent()).toBe("Phone activation");
    await expect.poll(() => groupInput(page, 2).inputValue()).toBe(iid.groups[1]);
    expect(await groupInput(page, 3).inputValue()).toBe("");
  });

  it("shows a call that got no answer, or not the API's, as the catalogue's problem: code, message, remedy", async () => {
    const c = await catalogue(web, { maxDevices: 3 });
    const iid = await installationIdOf(web, c, "behind-a-proxy");
    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    // First the network fails; then a proxy answers with a page of its own instead of the API.
    let call = 0;
    await page.route("**/v1/offline/confirmations", (route) =>
      ++call === 1
        ? route.abort("connectionrefused")
        : route.fulfill({ status: 502, contentType: "text/html", body: "<h1>Bad gateway</h1>" }),
    );
    await page.goto(`${web.url}/activate/phone?lang=en#iid=${iid.text}`);
    const submit = page.getByRole("button", { name: "Get the confirmation ID" });
    await submit.click();
    await page.locator("#answer[data-state=refused]").waitFor();
    const unreachable = catalogueText("SERVER_UNREACHABLE", "en", { url: web.url });
    expect(await page.locator("#answer h2").textContent()).toBe("Not activated");
    expect(await page.locator(".problem-message").textContent()).toBe(unreachable.message);
    expect(await page.locator(".problem-remedy").textContent()).toBe(unreachable.remedy);
    expect(await page.locator(".code").textContent()).toBe("Code: SERVER_UNREACHABLE");
    await screenshot(page, "phone-en-unreachable");

    await submit.click();
    await expect.poll(() => page.locator(".code").textContent()).toBe("Code: RESPONSE_INVALID · HTTP 502");
    const invalid = catalogueText("RESPONSE_INVALID", "en");
    expect(await page.locator(".problem-message").textContent()).toBe(invalid.message);
    expect(await page.locator(".problem-remedy").textContent()).toBe(invalid.remedy);
    // Neither reached the server's limits or the license: no request got through.
    const timeline = await web.call("GET", `/v1/admin/licenses/${c.licenseId}/timeline`);
    const events = timeline.body.events as { type: string }[];
    expect(events.map((e) => e.type)).not.toContain("device.activated");
    expect(errors).toEqual([]);
  });

  it("speaks Japanese: a full license's refusal lists its devices; the offered move without the owner's proof is refused with its remedy", async () => {
    const c = await catalogue(web, { maxDevices: 1, transferable: true });
    const first = await web.call("POST", "/v1/offline/confirmations", {
      installationId: (await installationIdOf(web, c, "old-desktop")).text,
      deviceName: "古いデスクトップ",
    });
    expect(first.status).toBe(201);
    const iid = await installationIdOf(web, c, "new-desktop");
    const page = await (await phoneContext(browser, "en-US")).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/activate/phone?lang=ja#iid=${iid.text}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    expect(await page.locator("label[for=g1]").textContent()).toBe("グループ 1");
    await page.getByRole("button", { name: "確認 ID を取得" }).click();

    await page.locator("#answer[data-state=refused]").waitFor();
    expect(await page.locator("#answer h2").textContent()).toBe("認証できませんでした");
    expect(await page.locator(".problem-message").textContent()).toContain("上限 1 台のうち 1 台"); // the catalogue's Japanese
    expect(await page.locator(".code").textContent()).toBe("コード：DEVICE_LIMIT_REACHED");
    expect(await page.locator("#answer .product").textContent()).toBe("製品：Lab suite");
    const move = page.getByRole("button", { name: "「古いデスクトップ」からこのコンピューターに移行" });
    await screenshot(page, "phone-ja-refused");
    await move.click();

    // Issue 13: the public page no longer moves a license without the owner's proof (a session of the owning
    // account, or the code mailed to the owner): it shows the remedy, and asks for the mailed code.
    await expect.poll(() => page.locator(".code").textContent()).toBe("コード：TRANSFER_PROOF_REQUIRED");
    const refused = catalogueText("TRANSFER_PROOF_REQUIRED", "ja");
    expect(await page.locator(".problem-message").textContent()).toBe(refused.message);
    expect(await page.locator(".problem-remedy").textContent()).toBe(refused.remedy);
    await page.getByRole("heading", { name: "ライセンスの所有者であることの確認" }).waitFor();
    await fitsPhone(page);
    expect(errors).toEqual([]);
  });

  it("moves a caller's license with the code mailed to its owner: the key asks for it, a wrong one is refused", async () => {
    const c = await catalogue(web, { maxDevices: 1, transferable: true }, "mika@example.jp");
    const first = await web.call("POST", "/v1/offline/confirmations", {
      installationId: (await installationIdOf(web, c, "mika-old")).text,
      deviceName: "Old desktop",
    });
    expect(first.status).toBe(201);
    const iid = await installationIdOf(web, c, "mika-new");
    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/activate/phone?lang=en#iid=${iid.text}`);
    await page.getByRole("button", { name: "Get the confirmation ID" }).click();
    await page.getByRole("button", { name: "Move the license here from “Old desktop”" }).click();
    await expect.poll(() => page.locator(".code").textContent()).toBe("Code: TRANSFER_PROOF_REQUIRED");

    // Nothing typed is said at once; the key mails a code to the owner, shown masked.
    await page.getByRole("button", { name: "Email me a code" }).click();
    await page.locator("#proof-key-error").getByText("Type it first.").waitFor();
    await page.getByLabel("Product key").fill(c.key);
    await page.getByRole("button", { name: "Email me a code" }).click();
    await page.getByText("A code was sent to m", { exact: false }).waitFor();
    await expectAccessible(page, "phone transfer proof");
    await fitsPhone(page);
    await screenshot(page, "phone-transfer-code-en");

    const code = await codeMailed(web, "mika@example.jp");
    const wrong = code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await page.getByLabel("Code from the email").fill(wrong);
    await page.getByRole("button", { name: "Move the license here from “Old desktop”" }).last().click();
    await expect.poll(() => page.locator(".code").textContent()).toBe("Code: TRANSFER_CODE_INVALID");
    await page.getByLabel("Code from the email").fill(code);
    await page.getByRole("button", { name: "Move the license here from “Old desktop”" }).last().click();
    await shownConfirmation(page);
    await page.getByText("Old desktop", { exact: false }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it("answers an OEM key read out for another board with OEM_BOARD_CHANGED and the way back (a warranty repair)", async () => {
    const c = await catalogue(web, { maxDevices: 2, channel: "oem" });
    const first = await web.call("POST", "/v1/offline/confirmations", {
      installationId: (await installationIdOf(web, c, "oem-desk")).text,
    });
    expect(first.status).toBe(201);
    // The same key read out from another machine (another board): the phone path holds the OEM rule too.
    const iid = await installationIdOf(web, c, "oem-other-board");
    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}/activate/phone?lang=en#iid=${iid.text}`);
    await page.getByRole("button", { name: "Get the confirmation ID" }).click();
    await page.locator("#answer[data-state=refused]").waitFor();
    const refused = catalogueText("OEM_BOARD_CHANGED", "en");
    expect(await page.locator(".problem-message").textContent()).toBe(refused.message);
    expect(await page.locator(".problem-remedy").textContent()).toBe(refused.remedy);
    expect(await page.locator(".code").textContent()).toBe("Code: OEM_BOARD_CHANGED");
    await screenshot(page, "phone-en-oem-board-changed");
    await fitsPhone(page);
    expect(errors).toEqual([]);
  });

  it("passes axe while typing, on a typo and once confirmed: desktop, both languages, light and dark, Enter submits", async () => {
    const c = await catalogue(web, { maxDevices: 3 });
    for (const [lang, scheme] of [
      ["en", "light"],
      ["ja", "dark"],
    ] as const) {
      const iid = await installationIdOf(web, c, `desk-${lang}`);
      const page = await (await desktopContext(browser, lang === "ja" ? "ja-JP" : "en-US")).newPage();
      const errors = watchErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${web.url}/activate/phone?lang=${lang}`);
      await groupInput(page, 1).click();
      const [g1 = "", ...rest] = iid.groups;
      await page.keyboard.type(withSwap(g1));
      await expect.poll(() => groupInput(page, 1).getAttribute("aria-invalid")).toBe("true");
      // The page's own per-group check, in the page's language (INSTALLATION_ID_MALFORMED's words, before sending).
      expect(await page.locator("#iid-status").textContent()).toBe(
        lang === "en"
          ? "Group 1 has a typo: compare its six digits with the screen."
          : "グループ 1 に入力ミスがあります。画面の 6 桁と見比べてください。",
      );
      expect(await page.locator("#g1-error").textContent()).toBe(
        lang === "en" ? "Typo here" : "入力ミスがあります",
      );
      await expectAccessible(page, `phone typo ${lang} ${scheme}`);
      await screenshot(page, `phone-desktop-${lang}-${scheme}-typo`);
      await groupInput(page, 1).fill("");
      await page.keyboard.type(`${g1}${rest.join("")}`);
      // The whole ID typed by keyboard: Enter in the last group asks for the confirmation.
      await groupInput(page, 9).press("Enter");
      await shownConfirmation(page);
      const product = lang === "en" ? "Activation of Lab suite" : "Lab suite のライセンス認証";
      await page.getByRole("heading", { level: 2, name: product }).waitFor();
      await expectAccessible(page, `phone confirmed ${lang} ${scheme}`);
      await screenshot(page, `phone-desktop-${lang}-${scheme}-confirmed`);
      expect(errors).toEqual([]);
    }
  });
});
