export type { OfflineClient } from "./api.js";
export type { ConfirmationView } from "./confirm.js";
export type { InstallationIdView } from "./installationId.js";
export type { LicenseFileView } from "./installFile.js";
export type { OfflineKey } from "./phoneLease.js";
export { type InstallationIdQr, type InstallationIdQrOptions, phonePageUrl } from "./qr.js";
export type { OfflineRequestOptions, RequestFileView } from "./requestFile.js";
export { OFFLINE_REQUESTS_FILE } from "./requests.js";
