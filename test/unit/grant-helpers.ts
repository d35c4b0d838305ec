// Re-exports for the grant tests (one import line in each test file).
export * from "../../loaders/grant-rates.js";
export {DataError as DataErrorForTests} from "../../loaders/read.js";
