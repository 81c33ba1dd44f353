/**
 * The pages as HTTP answers (no browser): security headers and CSP, no inline script, the language chosen,
 * escaping, the assets, and how the package plugs into the server without a dependency cycle.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogue, describe as describeProblem, errorCodes } from "@ninsho/core";
import { raw } from "hono/html";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAssets } from "../src/assets.js";
import { CONTENT_SECURITY_POLICY } from "../src/headers.js";
import { shell } from "../src/pages/shell.js";
import { freshAssets, startWebServer, type WebServer } from "./support/server.js";

const PAGES = ["/activate/phone", "/console/phone"] as const;

/** Text as hono's `html` escapes it inside an attribute. */
const attribute = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[ch]};`);

describe("web pages over HTTP", () => {
  let web: WebServer;
  beforeAll(async () => {
    web = await startWebServer();
  });
  afterAll(async () => {
    await web?.close();
  });

  const page = async (path: string, headers: Record<string, string> = { "accept-language": "en" }) => {
    const res = await fetch(`${web.url}${path}`, { headers, redirect: "manual" });
    return { res, html: await res.text() };
  };

  it.each(PAGES)("%s: HTML with a strict CSP and no inline script or style", async (path) => {
    const { res, html } = await page(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The one script is the page's bundle (the console's app for /console/phone).
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(1);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\/web\/assets\//);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it("speaks the language of ?lang=, else of Accept-Language, else says none was chosen", async () => {
    const asked = await page("/activate/phone?lang=ja", { "accept-language": "en" });
    expect(asked.html).toContain('<html lang="ja" data-lang-chosen="true">');
    expect(asked.html).toContain("<title>電話でライセンス認証 · Ninsho</title>");
    const header = await page("/activate/phone", { "accept-language": "ja-JP,ja;q=0.9,en;q=0.5" });
    expect(header.html).toContain('<html lang="ja" data-lang-chosen="true">');
    const unknown = await page("/activate/phone?lang=fr", { "accept-language": "en-GB" });
    expect(unknown.html).toContain('<html lang="en" data-lang-chosen="true">');
    // Nothing said: English, and the script follows navigator.language.
    const none = await page("/activate/phone", {});
    expect(none.html).toContain('<html lang="en" data-lang-chosen="false">');
    expect(none.html).toContain('href="/activate/phone?lang=ja" hreflang="ja"');
  });

  it.each(["en", "ja"] as const)(
    "words the failures of the page's own call with the catalogue, in %s, for its script (whichever language the page is in)",
    async (locale) => {
      const { html } = await page(`/activate/phone?lang=${locale === "en" ? "ja" : "en"}`);
      for (const [when, code] of [
        ["network", "SERVER_UNREACHABLE"],
        ["unexpected", "RESPONSE_INVALID"],
      ] as const) {
        // `{url}` is left for the script: the page's own origin, which a server behind a proxy does not know.
        const { message, remedy } = describeProblem(code, locale);
        const attributes = `data-page-problem="${when}" data-lang="${locale}" data-code="${code}" data-message="${attribute(message)}" data-remedy="${attribute(remedy)}"`;
        expect(html).toContain(attributes);
      }
      expect(html).toMatch(/<div id="ninsho-problems" hidden>/);
    },
  );

  it("keeps the catalogue out of the browser's bundles: its words come with the page", async () => {
    const { html } = await page("/activate/phone");
    const scripts = [...html.matchAll(/<script src="(\/web\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(1);
    const bundle = await (await fetch(`${web.url}${scripts[0]}`)).text();
    expect(bundle.length).toBeGreaterThan(1000);
    for (const code of errorCodes)
      for (const locale of ["en", "ja"] as const)
        expect(bundle).not.toContain(catalogue[code][locale].remedy);
  });

  it("keeps every browser bundle small: no server-only library (e.g. an OpenAPI generator) pulled in", async () => {
    const { assets, remove } = await freshAssets();
    try {
      for (const [name, asset] of Object.entries(assets.scripts))
        expect(asset.body.length, name).toBeLessThan(400 * 1024);
    } finally {
      await remove();
    }
  });

  it("serves the bundles under content-addressed names, cacheable for good", async () => {
    const { html } = await page("/activate/phone");
    const paths = [...html.matchAll(/(?:src|href)="(\/web\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(paths).toHaveLength(2);
    for (const path of paths) {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-type")).toMatch(
        path.endsWith(".js") ? /^text\/javascript/ : /^text\/css/,
      );
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
    expect((await fetch(`${web.url}/web/assets/phone.000000000000.js`)).status).toBe(404);
  });

  it("serves the console app at /console and below, in the chosen language", async () => {
    for (const path of [
      "/console?lang=ja",
      "/console/licenses?lang=ja",
      "/console/licenses/lic_x?lang=ja",
      "/console/why?lang=ja",
      "/console/phone?lang=ja",
    ]) {
      const { res, html } = await page(path);
      expect(res.status).toBe(200);
      expect(html).toContain('<html lang="ja" data-lang-chosen="true">');
      expect(html).toMatch(/<script src="\/web\/assets\/console\.[0-9a-f]{12}\.js" defer>/);
    }
  });

  it.each(["/", "/docs/errors", "/console", "/portal"])(
    "%s: HTML with a strict CSP, a favicon, at most one script and no inline one",
    async (path) => {
      const { res, html } = await page(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
      expect(scripts.length).toBeLessThanOrEqual(1);
      for (const attributes of scripts) expect(attributes).toMatch(/src="\/web\/assets\//);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/\sstyle=/i);
    },
  );

  it.each([
    ["/account/verify", "Confirm your email"],
    ["/account/reset", "Choose a new password"],
    ["/device?code=ABCD-EFGH", "Approve a device"],
  ])("%s: the page a mail or the CLI links to, with the CSP and the account script", async (path, title) => {
    const { res, html } = await page(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(html).toContain(`<title>${title} · Ninsho</title>`);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts).toEqual([
      expect.stringMatching(/^ src="\/web\/assets\/account\.[0-9a-f]{12}\.js" defer$/),
    ]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const ja = await page(`${path.split("?")[0]}?lang=ja`);
    expect(ja.html).toContain('<html lang="ja" data-lang-chosen="true">');
  });

  it("lists every code of the catalogue on /docs/errors, in the page's language and the other", async () => {
    const { html } = await page("/docs/errors?lang=ja");
    for (const code of errorCodes) {
      expect(html).toContain(`id="${code}"`);
      expect(html).toContain(attribute(describeProblem(code, "ja").remedy));
      expect(html).toContain(attribute(describeProblem(code, "en").remedy));
    }
    // A retired code says so on its card, and names its successor.
    expect(html).toMatch(
      /id="TRANSFER_LIMIT_REACHED">\s*<h3>[\s\S]*?<\/h3>\s*<p class="retired">廃止されたコード：[^<]*後継は TRANSFER_ALLOWANCE_EXHAUSTED です。<\/p>/,
    );
    const favicon = await fetch(`${web.url}/favicon.svg`);
    expect(favicon.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("leaves the API as it was: JSON answers, no page headers", async () => {
    const res = await fetch(`${web.url}/v1/offline/confirmations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ installationId: "123" }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});

describe("shell", () => {
  it("escapes what it writes", async () => {
    const bundles = await freshAssets();
    try {
      const markup = await shell({
        locale: "en",
        chosen: true,
        title: '<script>alert("x")</script>',
        path: '/activate/phone"><script>',
        scriptPath: bundles.assets.scripts.phone.path,
        stylesPath: bundles.assets.styles.path,
        area: "public",
        main: raw("<p>main</p>"),
      });
      const html = markup.toString();
      expect(html).toContain("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; · Ninsho</title>");
      expect(html).toContain('href="/activate/phone&quot;&gt;&lt;script&gt;?lang=ja"');
      expect(html.match(/<script/g)).toHaveLength(1);
    } finally {
      await bundles.remove();
    }
  });
});

describe("packaging", () => {
  it("refuses to start without its bundles, saying how to build them", async () => {
    const empty = await mkdtemp(join(tmpdir(), "ninsho-web-empty-"));
    try {
      expect(() => loadAssets(`${empty}/`)).toThrow(/npm run build:web/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("is plugged into the server from outside: no server source imports @ninsho/web", () => {
    const importsWeb = /from\s+["']@ninsho\/web["']|import\(\s*["']@ninsho\/web["']/;
    const serverSrc = fileURLToPath(new URL("../../server/src/", import.meta.url));
    const files = readdirSync(serverSrc, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".ts"),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(join(serverSrc, file), "utf8")).not.toMatch(importsWeb);
  });
});
