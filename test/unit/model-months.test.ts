import {describe, expect, it} from "vitest";
import {addMonths, isMonth, monthIndex, monthsBetween, monthString} from "../../src/model/months.js";

describe("months", () => {
  it("monthIndex/monthString round-trip across year ends", () => {
    for (const m of ["2022-01", "2022-12", "2023-01", "2030-12"]) expect(monthString(monthIndex(m))).toBe(m);
    expect(addMonths("2022-11", 3)).toBe("2023-02");
    expect(monthsBetween("2022-01", "2030-12")).toBe(108);
  });

  it("isMonth(text) rejects malformed months", () => {
    expect(isMonth("2024-01")).toBe(true);
    for (const bad of ["2024-13", "2024-1", "24-01", "", null, 202401]) expect(isMonth(bad)).toBe(false);
    expect(() => monthIndex("2024-00")).toThrow(/not a month/);
  });
});
