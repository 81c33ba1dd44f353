export { type Asset, type Assets, bundleDir, loadAssets, type ScriptEntry, scriptEntries } from "./assets.js";
export { CONTENT_SECURITY_POLICY } from "./headers.js";
export { registerWeb, type WebOptions, webPages } from "./register.js";
