import {readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {SECONDS} from "../browser/sequencer.js";

describe("browser test order", () => {
  test("every browser test file has a duration, so a fresh clone starts the longest first", () => {
    const files = readdirSync(join(import.meta.dirname, "..", "browser")).filter((f) => f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => !(f in SECONDS))).toEqual([]);
    expect(Object.keys(SECONDS).filter((f) => !files.includes(f))).toEqual([]);
  });
});
