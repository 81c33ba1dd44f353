export * from "./catalogue.js";
export * from "./codes.js";
export * from "./describe.js";
export * from "./deviceCatalogue.js";
export * from "./deviceCliCatalogue.js";
export * from "./httpStatus.js";
export * from "./reasons.js";
export * from "./text.js";
