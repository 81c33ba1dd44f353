export * from "./fingerprint/index.js";
