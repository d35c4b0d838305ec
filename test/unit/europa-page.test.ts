/** The Europe page's texts and rows (src/explorer/pages/europa.ts), from the loader's data. */
import {describe, expect, test} from "vitest";
import {loadEurope} from "../../loaders/europe.js";
import {formatPer1000} from "../../src/components/europe-per-capita.js";
import {formatCount, formatPercent} from "../../src/components/format.js";
import {answerTexts, citizenName, citizenRows, perCapitaRows, shareDownloadRows, verdict, yearsNote} from "../../src/explorer/pages/europa.js";
import {latestRank, perCapitaPoints, shareRows} from "../../src/europe/select.js";

const data = loadEurope();

describe("europa: the answer", () => {
  test("the verdict has a band of ±10% around the other countries' rate", () => {
    expect(verdict(0.89)).toBe("Nee, minder dan de buurlanden samen.");
    expect(verdict(0.9)).toBe("Ongeveer evenveel als de buurlanden samen.");
    expect(verdict(1.1)).toBe("Ongeveer evenveel als de buurlanden samen.");
    expect(verdict(1.11)).toBe("Ja, meer dan de buurlanden samen.");
  });

  test("the card's numbers are the latest year's rank row and the last EU27 share, formatted", () => {
    const a = answerTexts(data);
    const last = latestRank(data, "ASY_APP");
    const share = shareRows(data, "ASY_APP").at(-1)!;
    expect(a.year).toBe(String(last.year));
    expect(a.nlPer1000).toBe(formatPer1000(last.nlPer1000));
    expect(a.ratio).toBe(formatPercent(last.ratioToOthers, 0));
    expect(a.verdict).toBe(verdict(last.ratioToOthers));
    expect(a.shareYear).toBe(String(share.year));
    expect(a.shareNl).toBe(formatCount(share.nl));
    expect(a.missingYears).toBe(`${last.year - 1} en ${last.year}`);
    expect(a.prev?.year).toBe(String(last.year - 1));
    expect(a.first).toMatch(/^Nederland \d{4} \d+,\d\d per 1\.000 inwoners, [a-z]+ van 6$/);
  });
});

describe("europa: charts", () => {
  test("the caption says which extracts the chart uses", () => {
    expect(yearsNote(data, "ASY_APP")).toContain(`totalen ${data.meta.years.totals[0]}–${data.meta.years.totals[1]}`);
    expect(yearsNote(data, "NASY_APP")).toContain("eerste aanvragen voor latere jaren ontbreken");
  });

  test("download rows are the chart's points, rounded, without NaN", () => {
    for (const type of ["ASY_APP", "NASY_APP"] as const) {
      const rows = perCapitaRows(data, type);
      expect(rows).toHaveLength(perCapitaPoints(data, type).length);
      expect(rows.every((r) => Number.isFinite(r.per_1000_inwoners) && Math.round((r.per_1000_inwoners as number) * 1000) === (r.per_1000_inwoners as number) * 1000)).toBe(true);
      expect(shareDownloadRows(data, type).every((r) => r.aandeel > 0 && r.aandeel < 1)).toBe(true);
    }
    expect(citizenRows(data, data.nationalities[0].code, "ASY_APP").length).toBeGreaterThan(0);
  });

  test("a citizenship code has its Dutch name; an unknown code is an error, not an empty title", () => {
    const first = data.nationalities[0];
    expect(citizenName(data, first.code)).toBe(first.name);
    expect(() => citizenName(data, "XXX")).toThrow(/unknown citizenship/);
  });
});
