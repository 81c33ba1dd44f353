/**
 * What the web pages' browser scripts take from core: the per-group Damm check and the ICU message formatter,
 * neither of which uses a Node API. The web bundle points `@ninsho/core` at this file alone.
 */
export * from "./i18n/format.js";
export * from "./offline/digitGroups.js";
