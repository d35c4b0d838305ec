/** Catalogue filters of the Maatregelen page: the document-group rule, facet counts and matching. */
import fc from "fast-check";
import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {applyFilter, DOCUMENT_GROUPS, documentGroup, facetCounts, FLAGS, fold, matches, NO_FILTER, shownText, withCount, type CatalogueFilter} from "../../src/explorer/pages/measure-filters.js";
import {measureExtras} from "../../src/explorer/pages/measure-extras.js";
import type {Measure, ModelInputs} from "../../src/model/types.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await loadModelInputs();
});

const measure = (over: Partial<Measure> = {}): Measure => ({
  id: "x",
  name: "Voorbeeld",
  summary: "Een samenvatting.",
  pillar: "opvang",
  source: {document: "Kamerbrief Aanpak asielketen, TK 19 637 nr. 3100", section: "2", date: "2023-04", grade: "seed"},
  status: "adopted",
  notQuantifiable: "reden",
  ...over
});

describe("document group of a source", () => {
  it("names the five seed documents by what their source says", () => {
    expect(documentGroup("Kamerbrief Aanpak asielketen, TK 19 637 nr. 3100")).toBe("nr3100");
    expect(documentGroup("TK 19637 nr 3100, bijlage")).toBe("nr3100");
    expect(documentGroup("Bestuurlijke afspraken over de doorstroom migratie tussen VNG, Veiligheidsberaad, IPO en Rijk")).toBe("bestuurlijke-afspraken");
    expect(documentGroup("Uitvoeringsagenda Flexibilisering Asielketen (geactualiseerd)")).toBe("uitvoeringsagenda");
    expect(documentGroup("Migratieagenda (narratief strategische migratieagenda, nog niet geaccordeerd)")).toBe("migratieagenda");
    expect(documentGroup("Brief Heroriëntatie asiel, TK 19 637 nr. 3053")).toBe("herorientatie");
    expect(documentGroup("Brief Herorientatie asiel")).toBe("herorientatie");
    expect(documentGroup("TK 19 637, nr. 3053")).toBe("herorientatie");
  });

  it("puts every other source (laws, decisions, figures, press) under 'later'", () => {
    expect(documentGroup("Hart van Nederland; officielebekendmakingen.nl, Kamerstuk 36 704")).toBe("later");
    expect(documentGroup("Raad voor Rechtsbijstand; Verordening (EU) 2024/1348")).toBe("later");
    expect(documentGroup("ANP via welingelichtekringen.nl (juni 2025)")).toBe("later");
    expect(documentGroup("TK 19 637 nr. 31000")).toBe("later");
    expect(documentGroup("")).toBe("later");
  });

  it("groups the whole catalogue: each seed document has measures and the groups add up to the total", () => {
    const c = facetCounts(inputs.measures);
    for (const g of DOCUMENT_GROUPS.filter((x) => x !== "later")) expect(c.document[g], g).toBeGreaterThan(0);
    expect(Object.values(c.document).reduce((a, b) => a + b, 0)).toBe(inputs.measures.length);
    expect(Object.values(c.pillar).reduce((a, b) => a + b, 0)).toBe(inputs.measures.length);
    expect(Object.values(c.status).reduce((a, b) => a + b, 0)).toBe(inputs.measures.length);
    expect(c.flags.quantified).toBe(inputs.measures.filter((m) => m.effects?.length).length);
    expect(c.flags.baseline).toBe(inputs.measures.filter((m) => m.inBaseline).length);
  });
});

describe("matching", () => {
  it("filters by document, pillar, status and flags", () => {
    const a = measure({id: "a"});
    const b = measure({id: "b", pillar: "stelsel", status: "passed_house", source: {document: "Kamerstuk 36 704", grade: "seed"}, effects: [{parameter: "p", mode: "add", change: 1}], quantification: "q", inBaseline: true});
    const f = (over: Partial<CatalogueFilter>) => applyFilter([a, b], {...NO_FILTER, ...over}).map((m) => m.id);
    expect(f({})).toEqual(["a", "b"]);
    expect(f({document: "nr3100"})).toEqual(["a"]);
    expect(f({document: "later"})).toEqual(["b"]);
    expect(f({pillar: "stelsel"})).toEqual(["b"]);
    expect(f({status: "adopted"})).toEqual(["a"]);
    expect(f({flags: ["quantified"]})).toEqual(["b"]);
    expect(f({flags: ["baseline"]})).toEqual(["b"]);
    expect(f({document: "nr3100", flags: ["quantified"]})).toEqual([]);
  });

  it("text matches every word, case- and accent-insensitively, in name, summary, id, source and mechanism", () => {
    const m = measure({name: "Heroriëntatie-brief", summary: "Snellere procedures."});
    expect(fold("Heroriëntatie")).toBe("herorientatie");
    expect(matches(m, {...NO_FILTER, text: "HERORIENTATIE"})).toBe(true);
    expect(matches(m, {...NO_FILTER, text: "snellere 3100"})).toBe(true);
    expect(matches(m, {...NO_FILTER, text: "snellere 3053"})).toBe(false);
    const withMechanism = {...m, mechanism: "verlaagt de inwilligingskans"} as Measure;
    expect(matches(withMechanism, {...NO_FILTER, text: "inwilligingskans"})).toBe(true);
  });

  it("finds the two-status system by name", () => {
    const hits = applyFilter(inputs.measures, {...NO_FILTER, text: "tweestatusstelsel"});
    expect(hits.map((m) => m.id)).toContain("tweestatusstelsel");
  });

  it("property: a filter on one facet value returns exactly the counted measures, each matching it", () => {
    const c = facetCounts(inputs.measures);
    const pillars = Object.keys(c.pillar) as Measure["pillar"][];
    const statuses = Object.keys(c.status) as Measure["status"][];
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...DOCUMENT_GROUPS), {nil: null}),
        fc.option(fc.constantFrom(...pillars), {nil: null}),
        fc.option(fc.constantFrom(...statuses), {nil: null}),
        fc.subarray([...FLAGS]),
        (document, pillar, status, flags) => {
          const filter: CatalogueFilter = {document, pillar, status, flags, text: ""};
          const hits = applyFilter(inputs.measures, filter);
          // Narrowing never adds a measure: each hit passes each single-facet filter.
          for (const m of hits) {
            if (document) expect(documentGroup(m.source.document)).toBe(document);
            if (pillar) expect(m.pillar).toBe(pillar);
            if (status) expect(m.status).toBe(status);
          }
          if (document && !pillar && !status && !flags.length) expect(hits.length).toBe(c.document[document]);
          if (!document && pillar && !status && !flags.length) expect(hits.length).toBe(c.pillar[pillar]);
          if (!document && !pillar && status && !flags.length) expect(hits.length).toBe(c.status[status]);
          expect(hits.length).toBeLessThanOrEqual(Math.min(document ? c.document[document] : Infinity, pillar ? c.pillar[pillar] : Infinity, status ? c.status[status] : Infinity));
        }
      ),
      {numRuns: 200}
    );
  });
});

describe("texts", () => {
  it("counts in labels and the shown line, in Dutch", () => {
    expect(withCount("Strategische migratieagenda", 14)).toBe("Strategische migratieagenda (14)");
    expect(shownText(73, 73)).toBe("Alle 73 maatregelen worden getoond.");
    expect(shownText(1, 73)).toBe("1 van de 73 maatregelen past bij deze filters.");
    expect(shownText(12, 73)).toBe("12 van de 73 maatregelen passen bij deze filters.");
    expect(shownText(0, 73)).toBe("Geen van de 73 maatregelen past bij deze filters.");
  });
});

describe("optional catalogue fields", () => {
  it("reads mechanism, strength range and its reason when present and well-formed", () => {
    const m: Measure = {...measure(), mechanism: "lagere inwilligingskans", strengthLow: 0.5, strengthHigh: 1.5, rangeReason: "laag: …; hoog: …"};
    expect(measureExtras(m)).toEqual({mechanism: "lagere inwilligingskans", strengthLow: 0.5, strengthHigh: 1.5, rangeReason: "laag: …; hoog: …"});
  });

  it("ignores absent or malformed fields instead of showing them", () => {
    expect(measureExtras(measure())).toEqual({});
    const bad = {...measure(), mechanism: 3, strengthLow: 2, strengthHigh: 1, rangeReason: "  "} as unknown as Measure;
    expect(measureExtras(bad)).toEqual({});
    expect(measureExtras({...measure(), strengthLow: Number.NaN, strengthHigh: 1} as unknown as Measure)).toEqual({});
  });
});
