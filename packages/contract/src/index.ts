export * from "./accounts.js";
export * from "./admin.js";
export * from "./common.js";
export * from "./console.js";
export * from "./device.js";
export * from "./offline.js";
export * from "./relay.js";
export * from "./seats.js";
