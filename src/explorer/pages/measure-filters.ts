/**
 * Filters of the measures catalogue (Maatregelen page): by source document, pillar and status, and
 * "alleen gekwantificeerd" / "alleen in de basislijn", plus a free-text search. Pure: no DOM. The
 * filter state lives on the page only (not in the URL, so it cannot clash with the scenario keys).
 */
import type {Measure} from "../../model/types.js";
import {measureExtras} from "./measure-extras.js";

/** The five seed documents, and "later" for every other source (laws, decisions, figures, press). */
export const DOCUMENT_GROUPS = ["nr3100", "bestuurlijke-afspraken", "uitvoeringsagenda", "migratieagenda", "herorientatie", "later"] as const;
export type DocumentGroup = (typeof DOCUMENT_GROUPS)[number];

export const DOCUMENT_LABELS: Readonly<Record<DocumentGroup, string>> = {
  nr3100: "Kamerbrief Aanpak asielketen (nr. 3100)",
  "bestuurlijke-afspraken": "Bestuurlijke afspraken doorstroom",
  uitvoeringsagenda: "Uitvoeringsagenda Flexibilisering Asielketen",
  migratieagenda: "Strategische migratieagenda",
  herorientatie: "Heroriëntatie asiel (nr. 3053)",
  later: "Latere wetten en besluiten"
};

/**
 * The document group of a source document, by the name it carries in `source.document`. The first
 * matching rule wins; a source that names none of the five seed documents is "later".
 */
const RULES: ReadonlyArray<readonly [DocumentGroup, RegExp]> = [
  ["nr3100", /Aanpak asielketen|19[\s\u00a0]?637,?[\s\u00a0]+nr\.?[\s\u00a0]*3100\b/i],
  ["herorientatie", /Herori[eë]ntatie|19[\s\u00a0]?637,?[\s\u00a0]+nr\.?[\s\u00a0]*3053\b/i],
  ["bestuurlijke-afspraken", /Bestuurlijke afspraken/i],
  ["uitvoeringsagenda", /Uitvoeringsagenda/i],
  ["migratieagenda", /migratieagenda/i]
];

export function documentGroup(document: string): DocumentGroup {
  for (const [group, rule] of RULES) if (rule.test(document)) return group;
  return "later";
}

export const FLAGS = ["quantified", "baseline"] as const;
export type Flag = (typeof FLAGS)[number];
export const FLAG_LABELS: Readonly<Record<Flag, string>> = {quantified: "alleen gekwantificeerd", baseline: "alleen in de basislijn"};

export interface CatalogueFilter {
  /** null = every document. */
  document: DocumentGroup | null;
  pillar: Measure["pillar"] | null;
  status: Measure["status"] | null;
  flags: readonly Flag[];
  /** Free text, matched case- and accent-insensitively against name, summary, id and source. */
  text: string;
}

export const NO_FILTER: CatalogueFilter = {document: null, pillar: null, status: null, flags: [], text: ""};

export function isQuantified(m: Measure): boolean {
  return Boolean(m.effects?.length);
}

/** Lower case without diacritics ("Heroriëntatie" → "herorientatie"). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function hasFlag(m: Measure, flag: Flag): boolean {
  return flag === "quantified" ? isQuantified(m) : m.inBaseline === true;
}

/** Does `m` pass every part of `filter`? Every word of the text must occur somewhere. */
export function matches(m: Measure, filter: CatalogueFilter): boolean {
  if (filter.document && documentGroup(m.source.document) !== filter.document) return false;
  if (filter.pillar && m.pillar !== filter.pillar) return false;
  if (filter.status && m.status !== filter.status) return false;
  for (const flag of filter.flags) if (!hasFlag(m, flag)) return false;
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  if (words.length) {
    const haystack = fold([m.name, m.summary, m.id, m.source.document, m.source.section ?? "", measureExtras(m).mechanism ?? ""].join(" "));
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/** The measures that pass `filter`, in catalogue order. */
export function applyFilter(measures: readonly Measure[], filter: CatalogueFilter): Measure[] {
  return measures.filter((m) => matches(m, filter));
}

/** How many measures carry each value of a facet (over the whole catalogue, so the labels stay put). */
export interface FacetCounts {
  document: Record<DocumentGroup, number>;
  pillar: Record<Measure["pillar"], number>;
  status: Record<Measure["status"], number>;
  flags: Record<Flag, number>;
}

export function facetCounts(measures: readonly Measure[]): FacetCounts {
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const out: FacetCounts = {
    document: zero(DOCUMENT_GROUPS),
    pillar: zero(["instroom", "doorstroom", "opvang", "uitstroom", "terugkeer", "stelsel"] as const),
    status: zero(["adopted", "passed_house", "proposed", "draft"] as const),
    flags: zero(FLAGS)
  };
  for (const m of measures) {
    out.document[documentGroup(m.source.document)]++;
    out.pillar[m.pillar]++;
    out.status[m.status]++;
    for (const f of FLAGS) if (hasFlag(m, f)) out.flags[f]++;
  }
  return out;
}

/** "Migratieagenda (14)". */
export function withCount(label: string, n: number): string {
  return `${label} (${n})`;
}

/** "12 van de 73 maatregelen" / "1 maatregel" / "alle 73 maatregelen", Dutch. */
export function shownText(shown: number, total: number): string {
  if (shown === total) return `Alle ${total} maatregelen worden getoond.`;
  if (shown === 0) return `Geen van de ${total} maatregelen past bij deze filters.`;
  return `${shown} van de ${total} maatregelen ${shown === 1 ? "past" : "passen"} bij deze filters.`;
}
