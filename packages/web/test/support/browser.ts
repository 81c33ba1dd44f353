/**
 * Headless Chromium for the page tests, through playwright-core (which downloads no browser): Debian's
 * `/usr/bin/chromium`, installed by scripts/ensure-chromium.sh before `npm test`. Without it the browser tests
 * fail under CI=true, where a skipped suite would pass for the wrong reason, and are skipped elsewhere.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { HANG_MS } from "../../../../testing/budget.js";

/** NINSHO_CHROMIUM names another Chromium or Chrome binary (e.g. on a Mac). */
export const CHROMIUM = process.env.NINSHO_CHROMIUM ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** True when the browser tests can run; says why not (or throws under CI) otherwise. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const why = `${CHROMIUM} is missing: install it with scripts/ensure-chromium.sh (as root) to run the browser tests`;
  const ci = process.env.CI;
  if (ci !== undefined && !["", "0", "false"].includes(ci)) throw new Error(why);
  console.warn(`Skipping the browser tests: ${why}.`);
  return false;
}

/** Each launch gets a fresh temporary profile from Playwright (its own user-data-dir), removed on close. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: HANG_MS });

/**
 * A phone-sized context (an iPhone 12-14 screen) in `locale`, which Chromium sends as Accept-Language. A step
 * that waits in vain fails after 10 s, with Playwright's account of what it waited for, before vitest's 30 s.
 */
export async function phoneContext(browser: Browser, locale = "en-US"): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale,
  });
  // A hang limit, not a speed limit (testing/budget.ts): on a loaded machine a page may take long to settle.
  context.setDefaultTimeout(HANG_MS / 4);
  return context;
}

/** Where the browser tests leave their screenshots (gitignored): NINSHO_WEB_SCREENSHOTS, else this folder. */
export const SCREENSHOT_DIR =
  process.env.NINSHO_WEB_SCREENSHOTS ?? fileURLToPath(new URL("../../screenshots/", import.meta.url));

/**
 * A full-page screenshot of each step, to look at the pages (desktop and phone sizes, both languages).
 * @example
 * NINSHO_WEB_SCREENSHOTS=/tmp/shots npx vitest run packages/web
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = SCREENSHOT_DIR;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * The layout a phone needs: nothing wider than the screen, and each confirmation group on one line (a group
 * broken in two would be read out as two).
 */
export async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  for (const group of await page.locator("[data-cid-group]").all()) {
    const box = await group.boundingBox();
    expect(box?.height).toBeLessThan(48); // one line of 1.75rem digits is about 36 px
  }
}

/**
 * Script errors and CSP refusals in the page, to fail a test on them rather than on a later timeout. Chromium
 * also logs every HTTP error answer ("Failed to load resource"): refusals the page shows, and the favicon.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(message.text());
    }
  });
  return errors;
}

/**
 * A desktop-sized context (1280 × 800) in `locale`, with the same hang limit as the phone's.
 * @example
 * const page = await (await desktopContext(browser)).newPage();
 */
export async function desktopContext(browser: Browser, locale = "en-US"): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(HANG_MS / 4);
  return context;
}
