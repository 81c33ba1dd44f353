export * from "./grant.js";
export * from "./relayLease.js";
export * from "./usageReport.js";
