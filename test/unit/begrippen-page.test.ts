/** The glossary page's rows (src/explorer/pages/begrippen.ts). */
import {describe, expect, test} from "vitest";
import {BEGRIPPEN} from "../../src/components/begrippen.js";
import {glossaryRows} from "../../src/explorer/pages/begrippen.js";

describe("begrippen page", () => {
  test("every term appears once, with its anchor, definition and source line", () => {
    const rows = glossaryRows();
    expect(rows).toHaveLength(BEGRIPPEN.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const instroom = rows.find((r) => r.id === "instroom");
    expect(instroom?.term).toBe("instroom");
    expect(instroom?.source).toBe(" Bron: IND, Asylum Trends; MPP (Kamerbrief april 2023).");
  });

  test("terms are sorted the Dutch way: case and accents do not put a term at the end", () => {
    const terms = [
      {id: "z", term: "zorg", definition: "z", source: "s"},
      {id: "a", term: "Àsiel", definition: "a", source: "s"},
      {id: "b", term: "bezetting", definition: "b", source: "s"},
      {id: "i", term: "IND", definition: "i", source: "s"}
    ];
    expect(glossaryRows(terms).map((r) => r.id)).toEqual(["a", "b", "i", "z"]);
    expect(terms.map((t) => t.id)).toEqual(["z", "a", "b", "i"]);
  });

  test("the real list is in alphabetical order", () => {
    const terms = glossaryRows().map((r) => r.term);
    for (let i = 1; i < terms.length; i++) expect(terms[i - 1].localeCompare(terms[i], "nl")).toBeLessThanOrEqual(0);
  });
});
