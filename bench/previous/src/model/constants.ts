/** Key constants of the model, named once. */

/** First month the model simulates: the month of its observed start state (begin 2022). */
export const MODEL_START = "2022-01";

/** Last month shown by default (pages, CLI). */
export const HORIZON_END = "2030-12";

/** Latest month a scenario may run to. */
export const LATEST_END = "2040-12";

/** The ongewijzigd-beleid preset id (the fallback everywhere). */
export const DEFAULT_PRESET = "ongewijzigd";
