import type { Locale } from "@ninsho/core";
import type { AppExtension } from "@ninsho/server";
import { type Assets, loadAssets } from "./assets.js";
import { pageHeaders } from "./headers.js";
import { pageLocale } from "./locale.js";
import { ACCOUNT_PATHS, accountTitle } from "./pages/account.js";
import { appMain } from "./pages/appMain.js";
import { ERRORS_PATH, errorCodesMain } from "./pages/errorCodes.js";
import { LANDING_PATH, landingMain } from "./pages/landing.js";
import { pageProblems } from "./pages/pageProblems.js";
import { FAVICON_PATH, FAVICON_SVG, shell } from "./pages/shell.js";
import { wordsFor } from "./words/index.js";

/** The end user's phone activation (a QR code's `#iid=…` link prefills it; a fragment never reaches the server). */
export const PHONE_PATH = "/activate/phone";

export interface WebOptions {
  /** The bundles to serve (default: read from `dist/client` once, now). */
  readonly assets?: Assets;
}

const PAGE_PATHS = [
  LANDING_PATH,
  PHONE_PATH,
  ERRORS_PATH,
  FAVICON_PATH,
  "/console",
  "/console/*",
  "/portal",
  "/portal/*",
  ...ACCOUNT_PATHS,
  "/web/assets/*",
];

/**
 * The web pages as an app extension: the landing page, the console and the portal (Preact apps), the account pages the mails link to, the phone-activation page, the error codes and their
 * assets. The server does not import this package; whoever starts it passes the registrar in.
 * @example
 * startServer({ extensions: [registerWeb] });
 * createApp(deps, { extensions: [webPages({ assets })] });
 */
export const webPages =
  (options: WebOptions = {}): AppExtension =>
  (app) => {
    const assets = options.assets ?? loadAssets();
    for (const path of PAGE_PATHS) app.use(path, pageHeaders);
    const text = (
      path: string,
      locale: Locale,
      chosen: boolean,
      title: string,
      main: ReturnType<typeof landingMain>,
    ) => shell({ locale, chosen, title, stylesPath: assets.styles.path, area: "public", main, path });

    app.get(LANDING_PATH, (c) => {
      const { locale, chosen } = pageLocale(c);
      return c.html(text(LANDING_PATH, locale, chosen, wordsFor(locale).landing.title, landingMain(locale)));
    });
    app.get(ERRORS_PATH, (c) => {
      const { locale, chosen } = pageLocale(c);
      return c.html(text(ERRORS_PATH, locale, chosen, wordsFor(locale).docs.title, errorCodesMain(locale)));
    });
    app.get(FAVICON_PATH, (c) => {
      c.header("cache-control", "public, max-age=86400");
      return c.body(FAVICON_SVG, 200, { "content-type": "image/svg+xml" });
    });
    // A Preact app like the others, with the catalogue's words for a call that gets no answer.
    app.get(PHONE_PATH, (c) => {
      const { locale, chosen } = pageLocale(c);
      return c.html(
        shell({
          locale,
          chosen,
          title: wordsFor(locale).phone.title,
          area: "public",
          stylesPath: assets.styles.path,
          scriptPath: assets.scripts.phone.path,
          main: appMain(locale),
          after: pageProblems(),
          path: PHONE_PATH,
        }),
      );
    });
    for (const [area, paths] of [
      ["console", ["/console", "/console/*"]],
      ["portal", ["/portal", "/portal/*"]],
    ] as const) {
      for (const path of paths)
        app.get(path, (c) => {
          const { locale, chosen } = pageLocale(c);
          const words = wordsFor(locale);
          const title = area === "console" ? words.nav.consoleName : words.nav.portalName;
          return c.html(
            shell({
              locale,
              chosen,
              title,
              area,
              stylesPath: assets.styles.path,
              scriptPath: assets.scripts[area].path,
              main: appMain(locale),
              after: pageProblems(),
              path: c.req.path,
            }),
          );
        });
    }
    // The pages the mails and the CLI link to; one script tells them apart by their path.
    for (const path of ACCOUNT_PATHS)
      app.get(path, (c) => {
        const { locale, chosen } = pageLocale(c);
        return c.html(
          shell({
            locale,
            chosen,
            title: accountTitle(path, wordsFor(locale)),
            area: "portal",
            stylesPath: assets.styles.path,
            scriptPath: assets.scripts.account.path,
            main: appMain(locale),
            after: pageProblems(),
            path,
          }),
        );
      });
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
