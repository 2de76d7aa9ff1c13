export * from "./decimal.js";
