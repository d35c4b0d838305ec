/** Version of the model's equations; goes into URLs, CLI output and the sources page. */
export const MODEL_VERSION = "2.0.0";

/**
 * The data vintage: the newest retrieval date ("YYYY-MM-DD") among the origin records of the data the
 * model uses. Throws when no valid date is given, so a missing origin record cannot pass silently.
 */
export function computeDataVintage(retrieved: readonly string[]): string {
  let newest = "";
  for (const date of retrieved) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`data vintage: "${date}" is not a date like 2026-11-22`);
    if (date > newest) newest = date;
  }
  if (newest === "") throw new Error("data vintage: no retrieval dates");
  return newest;
}
