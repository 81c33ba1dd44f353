import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The browser bundles the build makes (scripts/bundle.ts), one Preact app per area (the phone activation, the console, the portal and the account pages) and one stylesheet. */
export const scriptEntries = ["phone", "console", "portal", "account"] as const;
export type ScriptEntry = (typeof scriptEntries)[number];

/**
 * Where the bundles are. This module sits directly in `src/` (tests run it from source) or in `dist/` (built),
 * so `../dist/client/` is the same folder from both.
 */
export const bundleDir = fileURLToPath(new URL("../dist/client/", import.meta.url));

export interface Asset {
  /** Its URL, with a digest of its content, so browsers may cache it for good. */
  readonly path: string;
  readonly body: Uint8Array;
  readonly contentType: string;
}

export interface Assets {
  readonly scripts: Readonly<Record<ScriptEntry, Asset>>;
  readonly styles: Asset;
  readonly byPath: ReadonlyMap<string, Asset>;
}

function load(dir: string, name: string, ext: "js" | "css"): Asset {
  const file = `${dir}${name}.${ext}`;
  let body: Uint8Array;
  try {
    body = readFileSync(file);
  } catch (error) {
    // Without its script a page cannot check digits or submit: refuse to start rather than serve dead forms.
    throw new Error(`@ninsho/web: ${file} is missing; build the pages' scripts with \`npm run build:web\``, {
      cause: error,
    });
  }
  const digest = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const contentType = ext === "js" ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
  return { path: `/web/assets/${name}.${digest}.${ext}`, body, contentType };
}

/**
 * Read the bundles once, at start.
 * @example
 * const assets = loadAssets();
 * assets.scripts.phone.path; // "/web/assets/phone.<12 hex digits>.js"
 */
export function loadAssets(dir: string = bundleDir): Assets {
  const scripts = {
    phone: load(dir, "phone", "js"),
    console: load(dir, "console", "js"),
    portal: load(dir, "portal", "js"),
    account: load(dir, "account", "js"),
  } satisfies Record<ScriptEntry, Asset>;
  const styles = load(dir, "styles", "css");
  const byPath = new Map([...Object.values(scripts), styles].map((asset) => [asset.path, asset]));
  return { scripts, styles, byPath };
}
