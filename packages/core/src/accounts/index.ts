export * from "./account.js";
export * from "./deviceCode.js";
export * from "./password.js";
export * from "./throttle.js";
export * from "./tokens.js";
export * from "./totp.js";
