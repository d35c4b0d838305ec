/**
 * Page logic of /europa: asylum applicants per 1.000 inhabitants in NL and five comparator countries, NL's
 * share of the EU27 and the figures per citizenship. The pure functions turn the data into texts and rows;
 * the element builders take the page's input values (type, citizenship, width) and return elements.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {chartFrame} from "../../components/chart-frame.js";
import {europePerCapita, formatPer1000} from "../../components/europe-per-capita.js";
import {europeShare} from "../../components/europe-share.js";
import {permalinkButton, urlNotices} from "../../components/europe-permalink.js";
import {formatCount, formatPercent} from "../../components/format.js";
import {COLORS, GEO_LABELS, TYPE_LABELS, citizenshipPoints, europeSearch, latestRank, ordinal, perCapitaPoints, rankFor, rankRows, readEuropeUrl, shareRows} from "../../europe/select.js";
import type {ApplicantType, EuropeData} from "../../europe/types.js";
import {installLinkPropagation} from "../links.js";

export const EUROPE_SOURCE = "Eurostat, migr_asyappctza (asielzoekers) en demo_gind (bevolking op 1 januari); bewerking Asielketen Verkenner";

/** "Ja, …", "Nee, …" or "Ongeveer …": the short answer for NL's rate over the five other countries pooled. */
export function verdict(ratioToOthers: number): string {
  return ratioToOthers < 0.9 ? "Nee, minder dan de buurlanden samen." : ratioToOthers > 1.1 ? "Ja, meer dan de buurlanden samen." : "Ongeveer evenveel als de buurlanden samen.";
}

/** The numbers of the answer card, as texts: the latest year of all applicants, the year before, the EU27 share and first-time applicants. */
export function answerTexts(data: EuropeData) {
  const last = latestRank(data, "ASY_APP");
  const prev = rankFor(data, "ASY_APP", last.year - 1);
  const share = shareRows(data, "ASY_APP").at(-1);
  const first = latestRank(data, "NASY_APP");
  if (!share) throw new Error("europa: no EU27 share rows");
  return {
    verdict: verdict(last.ratioToOthers),
    year: String(last.year),
    nlPer1000: formatPer1000(last.nlPer1000),
    rank: ordinal(last.rank),
    of: String(last.of),
    top: GEO_LABELS[last.top.geo],
    topPer1000: formatPer1000(last.top.per1000),
    othersPer1000: formatPer1000(last.othersPer1000),
    ratio: formatPercent(last.ratioToOthers, 0),
    prev: prev ? {year: String(prev.year), nlPer1000: formatPer1000(prev.nlPer1000), rankOrdinal: ordinal(prev.rank), rank: String(prev.rank), of: String(prev.of)} : null,
    shareYear: String(share.year),
    share: formatPercent(share.share),
    shareNl: formatCount(share.nl),
    shareEu27: formatCount(share.eu27),
    populationShare: formatPercent(share.populationShare),
    missingYears: `${last.year - 1} en ${last.year}`,
    first: `Nederland ${first.year} ${formatPer1000(first.nlPer1000)} per 1.000 inwoners, ${ordinal(first.rank)} van ${first.of}`
  };
}

/** Which Eurostat extracts the per-capita chart draws on, for its caption. */
export function yearsNote(data: EuropeData, type: ApplicantType): string {
  const {totals, citizenship} = data.meta.years;
  return type === "ASY_APP"
    ? `Landen: Eurostat-uitgave met totalen ${totals[0]}–${totals[1]} (export van mei 2025). EU27 (gestreept): uit de uitgave per nationaliteit (januari 2024), ${citizenship[0]}–${citizenship[1]}; de twee uitgaven verschillen voor Zweden 2018–2022 (herziening) en worden niet tot één lijn verbonden.`
    : `Eurostat-uitgave per nationaliteit (januari 2024), ${citizenship[0]}–${citizenship[1]}; eerste aanvragen voor latere jaren ontbreken in de beschikbare gegevens.`;
}

/** The CSV rows of the per-capita chart. */
export function perCapitaRows(data: EuropeData, type: ApplicantType): Record<string, string | number>[] {
  return perCapitaPoints(data, type).map((p) => ({land: p.label, jaar: p.year, personen: p.count, per_1000_inwoners: Math.round(p.per1000 * 1000) / 1000, reeks: p.series}));
}

/** The CSV rows of the EU27 share chart. */
export function shareDownloadRows(data: EuropeData, type: ApplicantType): Record<string, number>[] {
  return shareRows(data, type).map((s) => ({jaar: s.year, nederland: s.nl, eu27: s.eu27, aandeel: Math.round(s.share * 10000) / 10000, bevolkingsaandeel: Math.round(s.populationShare * 10000) / 10000}));
}

/** The CSV rows of the chart of one citizenship. */
export function citizenRows(data: EuropeData, citizen: string, type: ApplicantType): Record<string, string | number>[] {
  return citizenshipPoints(data, citizen, type).map((p) => ({land: p.label, jaar: p.year, personen: p.count, per_1000_inwoners: Math.round(p.per1000 * 10000) / 10000}));
}

/** The name of a citizenship code ("SYR" → "Syrië"); throws for a code not in the data. */
export function citizenName(data: EuropeData, citizen: string): string {
  const n = data.nationalities.find((x) => x.code === citizen);
  if (!n) throw new Error(`europa: unknown citizenship ${citizen}`);
  return n.name;
}

/** The page: the state from the URL, its notices, the answer card's texts, the inputs and the charts. */
export function europaPage(data: EuropeData, search: string) {
  installLinkPropagation();
  const initial = readEuropeUrl(search, data);
  const a = answerTexts(data);
  const types = Object.keys(TYPE_LABELS) as ApplicantType[];
  const codes = data.nationalities.map((n) => n.code);
  const own = (type: ApplicantType, citizen: string) => location.pathname + europeSearch(location.search, {type, citizen});
  return {
    notices: urlNotices(initial.notices),
    a,
    prevSentence: a.prev ? html`In ${a.prev.year} was dat ${a.prev.nlPer1000} per 1.000 inwoners, de ${a.prev.rankOrdinal} plaats (<span data-testid="nl-rank-prev">${a.prev.rank}</span> van ${a.prev.of}).` : "",
    typeRadio: () => Inputs.radio(types, {label: "Wat telt", value: initial.type, format: (t) => TYPE_LABELS[t]}),
    citizenSelect: () => Inputs.select(codes, {label: "Nationaliteit", value: initial.citizen, format: (c) => citizenName(data, c)}),
    perCapitaChart: (type: ApplicantType, width: number) =>
      chartFrame(
        europePerCapita(perCapitaPoints(data, type), {
          width,
          yLabel: "per 1.000 inwoners",
          caption: `${TYPE_LABELS[type]} per 1.000 inwoners (afgeleid: personen gedeeld door de bevolking op 1 januari van hetzelfde jaar). ${yearsNote(data, type)} ${data.meta.populationNote} Bron: ${EUROPE_SOURCE}.`,
          colors: COLORS
        }),
        {title: `${TYPE_LABELS[type]} per 1.000 inwoners`, source: EUROPE_SOURCE, permalink: () => location.href, rows: () => perCapitaRows(data, type), filename: `asielzoekers-per-inwoner-${type === "ASY_APP" ? "alle" : "eerste"}`, kind: "afgeleid"}
      ),
    rankTable: (type: ApplicantType) =>
      Inputs.table(rankRows(data, type), {
        columns: ["year", "nlPer1000", "rank", "othersPer1000", "ratioToOthers", "eu27Per1000"],
        header: {year: "Jaar", nlPer1000: "Nederland per 1.000", rank: "Plaats (van 6)", othersPer1000: "Vijf andere landen samen per 1.000", ratioToOthers: "Nederland / andere landen", eu27Per1000: "EU27 per 1.000"},
        format: {year: String, nlPer1000: (v: number) => formatPer1000(v), rank: String, othersPer1000: (v: number) => formatPer1000(v), ratioToOthers: (v: number) => formatPercent(v, 0), eu27Per1000: (v: number | null) => (v == null ? "–" : formatPer1000(v))},
        select: false,
        rows: 12
      }),
    shareChart: (type: ApplicantType, width: number) =>
      chartFrame(
        europeShare(shareRows(data, type), {width, caption: `Aandeel van Nederland in het aantal ${type === "ASY_APP" ? "asielzoekers" : "eerste asielaanvragers"} in de EU27 (afgeleid), met het Nederlandse aandeel in de EU-bevolking op 1 januari (gestreept). Beide aantallen uit dezelfde Eurostat-uitgave per nationaliteit (januari 2024); EU27-totalen voor 2023 en 2024 ontbreken in de beschikbare gegevens. Bron: ${EUROPE_SOURCE}.`}),
        {title: "Aandeel van Nederland in de EU27", source: EUROPE_SOURCE, permalink: () => location.href, rows: () => shareDownloadRows(data, type), filename: "aandeel-eu27", kind: "afgeleid"}
      ),
    citizenChart: (citizen: string, type: ApplicantType, width: number) => {
      const name = citizenName(data, citizen);
      return chartFrame(
        europePerCapita(citizenshipPoints(data, citizen, type), {width, yLabel: "per 1.000 inwoners", digits: 2, caption: `${TYPE_LABELS[type]} met de nationaliteit ${name}, per 1.000 inwoners van het ontvangende land (afgeleid). EU27 gestreept. Eurostat-uitgave per nationaliteit (januari 2024), ${data.meta.years.citizenship[0]}–${data.meta.years.citizenship[1]}. Bron: ${EUROPE_SOURCE}.`, colors: COLORS}),
        {title: `${name}: ${TYPE_LABELS[type].toLowerCase()} per 1.000 inwoners`, source: EUROPE_SOURCE, permalink: () => location.href, rows: () => citizenRows(data, citizen, type), filename: `nationaliteit-${citizen}`, kind: "afgeleid"}
      );
    },
    /** Writes the page's state into the address bar (no navigation, no history entry). */
    remember: (type: ApplicantType, citizen: string) => history.replaceState(null, "", own(type, citizen) + location.hash),
    permalinkButton: (type: ApplicantType, citizen: string) => permalinkButton(() => location.origin + own(type, citizen))
  };
}
