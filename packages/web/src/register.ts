import type { AppExtension } from "@ninsho/server";
import { type Assets, loadAssets } from "./assets.js";
import { pageHeaders } from "./headers.js";
import { pageLocale } from "./locale.js";
import { consoleLicensesPage } from "./pages/consoleLicenses.js";
import { consolePhonePage } from "./pages/consolePhone.js";
import { CONSOLE_LICENSES_PATH, CONSOLE_PHONE_PATH } from "./pages/consoleShell.js";
import { PHONE_PATH, phonePage } from "./pages/phone.js";

export interface WebOptions {
  /** The bundles to serve (default: read from `dist/client` once, now). */
  readonly assets?: Assets;
}

/**
 * The web pages as an app extension: the phone-activation page, the support console and their assets.
 * The server does not import this package; whoever starts it passes the registrar in.
 * @example
 * startServer({ extensions: [registerWeb] });
 * createApp(deps, { extensions: [webPages({ assets })] });
 */
export const webPages =
  (options: WebOptions = {}): AppExtension =>
  (app) => {
    const assets = options.assets ?? loadAssets();
    for (const path of [PHONE_PATH, "/console", "/console/*", "/web/assets/*"]) app.use(path, pageHeaders);

    app.get(PHONE_PATH, (c) => c.html(phonePage(assets, pageLocale(c))));
    // Keep the query (a chosen `?lang=`) across the redirect.
    app.get("/console", (c) => c.redirect(`${CONSOLE_PHONE_PATH}${new URL(c.req.url).search}`));
    app.get(CONSOLE_PHONE_PATH, (c) => c.html(consolePhonePage(assets, pageLocale(c))));
    app.get(CONSOLE_LICENSES_PATH, (c) => c.html(consoleLicensesPage(assets, pageLocale(c))));
    app.get("/web/assets/:file", (c) => {
      const asset = assets.byPath.get(c.req.path);
      if (!asset) return c.notFound();
      c.header("cache-control", "public, max-age=31536000, immutable");
      c.header("content-type", asset.contentType);
      return c.body(new Uint8Array(asset.body));
    });
  };

/**
 * Register the pages with the bundles the build made.
 * @example
 * startServer({ extensions: [registerWeb] });
 */
export const registerWeb: AppExtension = (app, deps) => webPages()(app, deps);
