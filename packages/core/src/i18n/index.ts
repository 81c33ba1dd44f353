export * from "./arguments.js";
export * from "./check.js";
export * from "./format.js";
export * from "./locale.js";
export * from "./translator.js";
