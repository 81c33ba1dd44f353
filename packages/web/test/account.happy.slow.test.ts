/**
 * The account pages in Chromium, reached as a customer reaches them: the verify link read from the outbox
 * confirms the email (and the token leaves the address bar); a mangled link is refused with the
 * catalogue's words; the page fits a phone and passes axe-core.
 */
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/axe.js";
import { chromiumAvailable, fitsPhone, phoneContext, watchErrors } from "./support/browser.js";
import { linkMailed, type WebServer } from "./support/server.js";
import { useWebAndChromium } from "./support/webAndChromium.js";

describe.runIf(chromiumAvailable())("the account pages in Chromium", () => {
  let web: WebServer;
  let browser: Browser;
  useWebAndChromium((opened) => ({ web, browser } = opened));

  it("confirms the email from the mailed link and refuses a mangled one", async () => {
    const email = "ken@example.jp";
    const signedUp = await web.call(
      "POST",
      "/v1/accounts",
      { email, password: "correct horse battery staple 42" },
      null,
    );
    expect(signedUp.status).toBeLessThan(300);
    const link = await linkMailed(web, email, "verify");
    expect(link).toMatch(/^\/account\/verify#token=/);

    const page = await (await phoneContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${web.url}${link}`);
    await page.getByText("Your email is confirmed.").waitFor();
    expect(new URL(page.url()).hash).toBe("");
    await page.getByRole("link", { name: "Go to the portal" }).waitFor();
    await fitsPhone(page);
    await expectAccessible(page, "verify");

    // A token the server never gave (a mangled link): refused in the catalogue's words, with its code.
    const mangled = await (await phoneContext(browser)).newPage();
    await mangled.goto(`${web.url}${link.slice(0, -6)}zzzzzz`);
    await mangled
      .getByRole("alert")
      .getByText(/Code: [A-Z_]+/)
      .waitFor();
    expect(await mangled.getByText("Your email is confirmed.").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
