/**
 * Pure selection logic for the Europe page: which points each chart shows and which numbers the text
 * states. No DOM, no Framework; the page and the unit tests call the same functions.
 */
import type {ApplicantType, EuGeo, EuropeData, RankRow, ShareRow} from "./types.js";
import type {PerCapitaPoint} from "../components/europe-per-capita.js";

export const GEO_LABELS: Record<EuGeo, string> = {
  NL: "Nederland",
  BE: "België",
  DE: "Duitsland",
  FR: "Frankrijk",
  AT: "Oostenrijk",
  SE: "Zweden",
  EU27: "EU27"
};

export const TYPE_LABELS: Record<ApplicantType, string> = {
  ASY_APP: "Asielzoekers (eerste en volgende aanvragen)",
  NASY_APP: "Eerste asielaanvragers"
};

export const COLORS: Record<string, string> = {
  Nederland: "#e8710a",
  België: "#8da0cb",
  Duitsland: "#66a61e",
  Frankrijk: "#a6761d",
  Oostenrijk: "#999999",
  Zweden: "#7570b3",
  EU27: "#1f3a5f"
};

/** Parses the page's URL keys (`eu_t`, `eu_c`); unknown values fall back and are reported. */
export function readEuropeUrl(search: string, data: EuropeData): {type: ApplicantType; citizen: string; notices: string[]} {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let type: ApplicantType = "ASY_APP";
  const t = params.get("eu_t");
  if (t != null) {
    if (t === "ASY_APP" || t === "NASY_APP") type = t;
    else notices.push("De gekozen telling in de link is onbekend; getoond worden alle asielzoekers.");
  }
  const codes = data.nationalities.map((n) => n.code);
  let citizen = codes[0];
  const c = params.get("eu_c");
  if (c != null) {
    if (codes.includes(c)) citizen = c;
    else notices.push("De nationaliteit in de link staat niet in de lijst; getoond wordt de eerste.");
  }
  return {type, citizen, notices};
}

/** The search string with the page's keys set (other keys kept). */
export function europeSearch(search: string, state: {type: ApplicantType; citizen: string}): string {
  const params = new URLSearchParams(search);
  params.set("eu_t", state.type);
  params.set("eu_c", state.citizen);
  return `?${params.toString()}`;
}

/**
 * Points of the per-capita chart. All applicants: the six countries from the later totals extract
 * (to 2024), the EU27 from the by-citizenship extract (to 2022, dashed). First-time applicants: all
 * seven from the by-citizenship extract (to 2022).
 */
export function perCapitaPoints(data: EuropeData, type: ApplicantType): PerCapitaPoint[] {
  return data.perCapita
    .filter((r) => r.type === type && (type === "NASY_APP" || (r.geo === "EU27" ? r.vintage === "citizenship_2024" : r.vintage === "totals_2025")))
    .map((r) => ({
      series: `${r.geo}|${r.vintage}`,
      label: GEO_LABELS[r.geo],
      year: r.year,
      per1000: r.per1000,
      count: r.count,
      highlight: r.geo === "NL",
      dashed: type === "ASY_APP" && r.geo === "EU27"
    }))
    .sort((a, b) => a.series.localeCompare(b.series) || a.year - b.year);
}

/** The rank rows that match the chart for a type (same extract as the countries' points). */
export function rankRows(data: EuropeData, type: ApplicantType): RankRow[] {
  const vintage = type === "ASY_APP" ? "totals_2025" : "citizenship_2024";
  return data.ranks.filter((r) => r.type === type && r.vintage === vintage).sort((a, b) => a.year - b.year);
}

export function rankFor(data: EuropeData, type: ApplicantType, year: number): RankRow | undefined {
  return rankRows(data, type).find((r) => r.year === year);
}

/** The latest year with a rank for a type. */
export function latestRank(data: EuropeData, type: ApplicantType): RankRow {
  const rows = rankRows(data, type);
  return rows[rows.length - 1];
}

export function shareRows(data: EuropeData, type: ApplicantType): ShareRow[] {
  return data.share.filter((s) => s.type === type).sort((a, b) => a.year - b.year);
}

/** Points of the by-citizenship chart for one citizenship and type. */
export function citizenshipPoints(data: EuropeData, citizen: string, type: ApplicantType): PerCapitaPoint[] {
  return data.citizenship
    .filter((r) => r.citizen === citizen && r.type === type)
    .map((r) => ({series: r.geo, label: GEO_LABELS[r.geo], year: r.year, per1000: r.per1000, count: r.count, highlight: r.geo === "NL", dashed: r.geo === "EU27"}));
}

/** Dutch ordinal for ranks 1–6 in running text. */
export function ordinal(rank: number): string {
  return ["", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde"][rank] ?? `${rank}e`;
}
