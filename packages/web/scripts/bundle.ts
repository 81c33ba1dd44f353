/**
 * Bundle the pages' browser scripts and stylesheet into `dist/client`, where `loadAssets` reads them. Run by the
 * root `build:web` (part of `prepare`, `build` and `test`) after `tsc -b` has type-checked the client project
 * (`src/client/tsconfig.json`, DOM types, no Node types).
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { bundleDir, type ScriptEntry } from "../src/assets.js";

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const scripts: Readonly<Record<ScriptEntry, string>> = {
  phone: at("../src/client/app/phone/main.tsx"),
  console: at("../src/client/app/console/main.tsx"),
  portal: at("../src/client/app/portal/main.tsx"),
  account: at("../src/client/app/account/main.tsx"),
};

/**
 * The browser needs little from core: the per-group Damm check, the ICU message formatter, and the code and
 * role lists that `@ninsho/contract`'s schemas name. `@ninsho/core` as a whole pulls in Node's crypto and the BN254 code, so
 * every `@ninsho/core` import of a page (the contract's included) is pointed at core's browser entry
 * (`browser.ts`); importing anything else from core in a client script fails the bundle loudly ("No matching
 * export").
 */
const coreBrowserOnly: Plugin = {
  name: "ninsho-core-browser",
  setup(builder) {
    const file = at("../../core/src/browser.ts");
    builder.onResolve({ filter: /^@ninsho\/core$/ }, () => ({ path: file }));
  },
};

/**
 * @example
 * await bundleClient(); // dist/client/phone.js, console.js, portal.js, account.js, styles.css
 */
export async function bundleClient(outdir: string = bundleDir): Promise<Record<string, number>> {
  const result = await build({
    entryPoints: { ...scripts, styles: at("../src/client/styles.css") },
    outdir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020", "chrome90", "firefox90", "safari15"],
    minify: true,
    legalComments: "none",
    tsconfig: at("../src/client/tsconfig.json"),
    plugins: [coreBrowserOnly],
    // The workspace packages bundle from their sources, as the tests read them.
    conditions: ["ninsho-source"],
    // Preact's automatic JSX runtime, as the client's tsconfig declares it.
    jsx: "automatic",
    jsxImportSource: "preact",
    metafile: true,
    logLevel: "warning",
  });
  // Sizes of what a browser downloads, so a growing bundle is seen at build time.
  const sizes: Record<string, number> = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) sizes[file] = output.bytes;
  return sizes;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = await bundleClient();
  const list = Object.entries(sizes).map(
    ([file, bytes]) => `${file.split("/").pop()} ${(bytes / 1024).toFixed(1)} KiB`,
  );
  process.stdout.write(`@ninsho/web: pages' scripts bundled into ${bundleDir}: ${list.join(", ")}\n`);
}
