/**
 * What the web pages' browser scripts take from core, none of it using a Node API: the per-group Damm check,
 * the ICU message formatter, the timeline's words, and the code, role and status lists (with `isRecord`) that `@ninsho/contract`'s
 * schemas name. The web bundle points `@ninsho/core` at this file alone, for the pages' imports and the
 * contract's.
 *
 * @example
 * import { digitGroupStatus, isRecord } from "@ninsho/core"; // in a page script
 */
export * from "./errors/codes.js";
export * from "./i18n/format.js";
export * from "./isRecord.js";
export { roles } from "./licensing/adminToken.js";
export { effectiveEntitlements } from "./licensing/entitlements.js";
export { SUPPORT_EXTENSION_DAYS, supportExtensionLimit } from "./licensing/goodwillExtension.js";
export { licenseStatuses } from "./licensing/license.js";
export { channels } from "./licensing/policy.js";
export { timelineMessage, timelineTexts } from "./licensing/timelineText.js";
export * from "./matching/bounds.js";
export * from "./offline/digitGroups.js";
