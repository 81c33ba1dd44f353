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
  phone: at("../src/client/pages/phone.ts"),
  "console-phone": at("../src/client/pages/consolePhone.ts"),
  "console-licenses": at("../src/client/pages/consoleLicenses.ts"),
};

/**
 * The browser needs two things from core: the per-group Damm check (`digitGroups.ts`, `damm.ts`) and the ICU
 * message formatter (`i18n/format.ts`), neither with a Node API. `@ninsho/core` as a whole pulls in Node's
 * crypto and the BN254 code, so the client's `@ninsho/core` import is pointed at `browser.ts`, which exports
 * those alone; importing anything else from core in a client script fails the bundle loudly ("No matching
 * export").
 */
const coreForTheBrowser: Plugin = {
  name: "ninsho-core-browser",
  setup(builder) {
    const file = at("../../core/src/browser.ts");
    builder.onResolve({ filter: /^@ninsho\/core$/ }, () => ({ path: file }));
  },
};

/**
 * @example
 * await bundleClient(); // dist/client/phone.js, console-phone.js, console-licenses.js, styles.css
 */
export async function bundleClient(outdir: string = bundleDir): Promise<void> {
  await build({
    entryPoints: { ...scripts, styles: at("../src/client/styles.css") },
    outdir,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020", "chrome90", "firefox90", "safari15"],
    minify: true,
    legalComments: "none",
    tsconfig: at("../src/client/tsconfig.json"),
    plugins: [coreForTheBrowser],
    logLevel: "warning",
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleClient();
  process.stdout.write(`@ninsho/web: pages' scripts bundled into ${bundleDir}\n`);
}
