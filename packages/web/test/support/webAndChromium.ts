/**
 * The setup every browser test shares: a real web server (the API with the pages) and headless Chromium, started
 * together before a file's tests and closed after them — whichever of the two started, even if the other did not.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.js";
import { startWebServer, type WebServer } from "./server.js";

/** The server and the browser one file's tests share. */
export interface WebAndChromium {
  readonly web: WebServer;
  readonly browser: Browser;
}

/**
 * Start a web server and Chromium before the file's tests (hand them to `ready`), close both after. Call inside
 * the `describe`; a `beforeAll` of the file registered after this one sees both started.
 * @example
 * let web: WebServer;
 * let browser: Browser;
 * useWebAndChromium((opened) => ({ web, browser } = opened));
 */
export function useWebAndChromium(ready: (opened: WebAndChromium) => void): void {
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const [web, browser] = await Promise.allSettled([startWebServer(), launchChromium()]);
    if (web.status === "fulfilled") closers.push(() => web.value.close());
    if (browser.status === "fulfilled") closers.push(() => browser.value.close());
    if (web.status === "rejected") throw web.reason;
    if (browser.status === "rejected") throw browser.reason;
    ready({ web: web.value, browser: browser.value });
  });
  afterAll(async () => {
    // The browser first, as before: its pages may still be talking to the server.
    for (const close of closers.reverse()) await close();
  });
}
