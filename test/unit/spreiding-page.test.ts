/** The Spreidingswet page's texts and rows (src/explorer/pages/spreiding.ts), from the real data and model run. */
import {beforeAll, describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {loadSpreiding} from "../../loaders/spreiding.js";
import {formatCount, formatPercent} from "../../src/components/format.js";
import {downloadRows, monthText, spreidingMonth, spreidingSearch, spreidingTexts, TABLE_COLUMNS} from "../../src/explorer/pages/spreiding.js";
import {run} from "../../src/model/run.js";
import type {RunOutput} from "../../src/model/types.js";
import {valueAtMonth} from "../../src/spreiding/allocate.js";

const sp = loadSpreiding();
let result: RunOutput;
beforeAll(async () => {
  result = run({preset: "ongewijzigd", overrides: {}, measures: []}, await loadModelInputs());
});

describe("spreiding: the modelled need per province", () => {
  test("the twelve provinces share the national need of the month; the biggest is named with its places and share", () => {
    const m = spreidingMonth(sp, result.series.capacity_need, result.start, "2025-07");
    const need = valueAtMonth(result.series.capacity_need, result.start, "2025-07")!;
    expect(m.when).toBe("juli 2025");
    expect(m.need).toBe(need);
    expect(m.needText).toBe(formatCount(Math.round(need)));
    expect(m.rows).toHaveLength(12);
    expect(m.rows.reduce((s, r) => s + r.modelled, 0)).toBeCloseTo(need, 6);
    expect(m.rows.every((r) => r.modelled <= m.biggest.modelled)).toBe(true);
    expect(m.biggestPlaces).toBe(formatCount(Math.round(m.biggest.modelled)));
    expect(m.biggestShare).toBe(formatPercent(m.biggest.share));
  });

  test("a month outside the model run is refused instead of allocating nothing", () => {
    expect(() => spreidingMonth(sp, result.series.capacity_need, result.start, "1999-01")).toThrow(/outside the model run/);
  });

  test("download rows and table cells are whole places; a missing offer is a dash, not 0 or NaN", () => {
    const m = spreidingMonth(sp, result.series.capacity_need, result.start, "2026-07");
    const rows = downloadRows(m.rows);
    expect(rows.every((r) => Number.isInteger(r.behoefte_model))).toBe(true);
    const noOffer = m.rows.find((r) => r.offered == null);
    if (noOffer) {
      expect(TABLE_COLUMNS.find((c) => c.header === "Aangeboden")!.value(noOffer)).toBe("–");
      expect(rows.find((r) => r.provincie === noOffer.name)?.aangeboden).toBe("");
    }
    const withOffer = m.rows.find((r) => r.offered != null)!;
    expect(TABLE_COLUMNS.find((c) => c.header === "Aangeboden")!.value(withOffer)).toBe(formatCount(Math.round(withOffer.offered!)));
    expect(TABLE_COLUMNS.map((c) => c.value(m.rows[0]))[0]).toBe(m.rows[0].name);
  });
});

describe("spreiding: texts and URL", () => {
  test("totals are formatted, the pre-law split names all twelve provinces", () => {
    const t = spreidingTexts(sp);
    expect(t.cycle1Published).toBe(formatCount(sp.totals.cycle1Published));
    expect(t.cycle2Published).toBe(formatCount(sp.totals.cycle2Published));
    expect(t.preLaw.split(", ")).toHaveLength(12);
    expect(t.unchecked).toBe(sp.provinces.filter((p) => !p.cycle1Checked).map((p) => p.name).join(", "));
    expect(t.offered).not.toMatch(/NaN|undefined/);
  });

  test("sp_m is set and the other keys (a scenario) are kept", () => {
    expect(spreidingSearch("?o=x:1&sp_m=2024-01", "2026-07")).toBe("?o=x%3A1&sp_m=2026-07");
    expect(spreidingSearch("", "2025-07")).toBe("?sp_m=2025-07");
    expect(monthText("2026-01")).toBe("januari 2026");
  });
});
