export { setAdminToken } from "./admin/routes.js";
export { createRelayApp } from "./app.js";
export { CLOCK_TOLERANCE_MS, type RelayContext } from "./context.js";
export { initRelayFiles, loadRelayFiles, parseVendorKeys, RELAY_FILES, type RelayKeys } from "./files.js";
export { openRelay } from "./open.js";
export { relayUsage, usageReportFile } from "./report.js";
export { type RunningRelay, startRelay } from "./serve.js";
