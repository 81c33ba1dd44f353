export * from "./client/index.js";
export * from "./fingerprint/index.js";
