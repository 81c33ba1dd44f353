export * from "./client/index.js";
export * from "./fingerprint/index.js";
export * from "./offline/index.js";
export * from "./relay/index.js";
export * from "./seats/index.js";
