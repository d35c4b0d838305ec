/**
 * Page logic of /toekenning: grant rates of NL and five EU countries (Kamerbrief 19 637, nr. 3100), the
 * decomposition of NL's gap into composition and within-nationality parts, the rates per nationality, the
 * largest deviations and the fall of 2024–2025. The pure functions turn the data into texts and rows; the
 * element builders take the page's input values and return elements.
 */
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {chartFrame} from "../../components/chart-frame.js";
import {permalinkButton, urlNotices} from "../../components/europe-permalink.js";
import {formatCount, formatDelta, formatPercent} from "../../components/format.js";
import {grantCountryRates} from "../../components/grant-country-rates.js";
import {grantDecomposition} from "../../components/grant-decomposition.js";
import {grantDeviation} from "../../components/grant-deviation.js";
import {grantNationality} from "../../components/grant-nationality.js";
import {
  COMPARATOR_LABELS,
  agreementSummary,
  countryPoints,
  coverageRange,
  decompositionRows,
  deviationRows,
  effectiveDefinition,
  eurostatPoints,
  grantSearch,
  nationalityChange,
  nationalityPoints,
  publishedFor,
  readGrantUrl,
  summary,
  type GrantState
} from "../../grant/select.js";
import type {Comparator, Decomposition, Definition, DefinitionInfo, GrantRatesData} from "../../grant/types.js";
import {installLinkPropagation} from "../links.js";

export const GRANT_SOURCE = "Bron: UNHCR Refugee Population Statistics Database (asielbeslissingen, pakket ‘refugees’ 2025.12.1, opgehaald 22-11-2026); bewerking Asielketen Verkenner.";

export const GRANT_COLORS: Record<string, string> = {
  [COMPARATOR_LABELS.NL]: "#e8710a",
  [COMPARATOR_LABELS.PEERS]: "#1f3a5f",
  [COMPARATOR_LABELS.BE]: "#8da0cb",
  [COMPARATOR_LABELS.DE]: "#66a61e",
  [COMPARATOR_LABELS.FR]: "#a6761d",
  [COMPARATOR_LABELS.SE]: "#7570b3",
  [COMPARATOR_LABELS.AT]: "#999999",
  "Nederland (Eurostat)": "#b45309",
  "Vier vergelijkingslanden samen (Eurostat)": "#4b6a9b"
};

/** Numbers per 1.000 inhabitants with two decimals ("1,23"), "–" for none. */
export const fmtPc = (v: number | null | undefined) => (v == null ? "–" : new Intl.NumberFormat("nl-NL", {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(v));

/** A share difference as signed percentage points for tables ("+12,3"), "–" for none. */
export const pp = (v: number | null | undefined) => (v == null ? "–" : formatDelta(v * 100));

/** A share difference in words: "+12,3 procentpunt", "−1,0 procentpunt". */
export const ppText = (v: number | null | undefined) => (v == null ? "–" : `${v >= 0 ? "+" : "−"}${formatPercent(Math.abs(v)).replace("%", "")} procentpunt`);

/** "2025-06" or "2025-06-12" → "juni 2025". */
export const monthYear = (iso: string) => new Intl.DateTimeFormat("nl-NL", {month: "long", year: "numeric", timeZone: "UTC"}).format(new Date(iso.length === 7 ? iso + "-01" : iso));

/** The register entry of a definition; throws for an unknown id. */
export function definitionInfo(data: GrantRatesData, id: Definition): DefinitionInfo {
  const d = data.meta.definitions.find((x) => x.id === id);
  if (!d) throw new Error(`toekenning: unknown definition ${id}`);
  return d;
}

/** The y-axis label of a rate under a definition. */
export function rateLabel(definition: Definition): string {
  return effectiveDefinition(definition) === "eurostat" ? "Positief / (positief + afgewezen)" : "Positief / alle afgehandelde zaken";
}

/** The caption of the country chart. `withEurostat`: the genuine Eurostat totals are drawn. */
export function countryCaption(data: GrantRatesData, definition: Definition, withEurostat: boolean): string {
  if (definition === "nl")
    return "Inwilligingspercentage volgens de IND (Nederlandse definitie, inclusief Dublinafdoeningen), zoals gepubliceerd per kalenderjaar; niet berekend. Wat elk cijfer telt en de bron: zie de tabel onderaan. Het jaarcijfer voor 2025 is pas na de datastand van deze versie (3 november 2025) gepubliceerd en ontbreekt daarom; voor 2025 staan hieronder de cijfers tot 22 september.";
  if (definition === "capita")
    return `Positieve beslissingen in eerste aanleg (personen, UNHCR) per 1.000 inwoners op 1 januari (Eurostat demo_gind); afgeleid. Vier vergelijkingslanden samen = België, Duitsland, Frankrijk en Zweden (positieven en inwoners opgeteld). Oostenrijk (gestreept) telt eerste aanleg en beroep samen. 2025 ontbreekt: geen bevolkingscijfer uit dezelfde bron. ${GRANT_SOURCE}`;
  return `${definitionInfo(data, definition).label}: ${rateLabel(definition)}, beslissingen in eerste aanleg (personen). Vier vergelijkingslanden samen = België, Duitsland, Frankrijk en Zweden. Oostenrijk (gestreept) rapporteert eerste aanleg en beroep samen en is niet vergelijkbaar. Geen percentage bij minder dan ${formatCount(data.meta.minDecisions)} beslissingen.${withEurostat ? " Gestippeld met open rondjes: de echte Eurostat-totalen (migr_asydcfstq, jaarsommen 2014–2022; vierkantje: alleen het eerste kwartaal van 2023), een andere bron en daarom een eigen lijn." : ""} ${GRANT_SOURCE}`;
}

/** The CSV rows of the country chart: the UNHCR-based (or published) points and the Eurostat points. */
export function countryRows(data: GrantRatesData, definition: Definition, withEurostat: boolean): Record<string, string | number>[] {
  const perCapita = definition === "capita";
  const es = withEurostat && definition === "eurostat" ? eurostatPoints(data) : [];
  return [
    ...countryPoints(data, definition).map((p) => ({reeks: p.label, bron: p.published ? "IND (gepubliceerd)" : "UNHCR", periode: String(p.year), waarde: Math.round(p.rate * 10000) / 10000, eenheid: perCapita ? "per 1.000 inwoners" : "aandeel", beslissingen: p.decisions})),
    ...es.map((p) => ({reeks: p.label, bron: "Eurostat migr_asydcfstq", periode: p.period, waarde: Math.round(p.rate * 10000) / 10000, eenheid: "aandeel", beslissingen: p.decisions}))
  ];
}

/** The CSV rows of the decomposition chart. */
export function decompositionDownload(rows: readonly Decomposition[]): Record<string, number>[] {
  return rows.map((d) => ({jaar: d.year, nl: d.nlRate, nl_mix_percentages_vergelijking: d.counterfactual, vergelijking: d.peerRate, verschil: d.gap, samenstelling: d.composition, binnen_nationaliteit: d.within, gedekt: d.coverage}));
}

/** The texts of the section on the fall of 2024–2025 (Eurostat-like rates, UNHCR; the IND's own figures). */
export function fallTexts(data: GrantRatesData) {
  const cy = (geo: Comparator, year: number) => {
    const d = data.countryYear.find((x) => x.geo === geo && x.year === year);
    if (!d) throw new Error(`toekenning: no ${geo} ${year} in countryYear`);
    return d;
  };
  const rows = decompositionRows(data, "eurostat");
  const d24 = rows.find((d) => d.year === 2024);
  const d25 = rows.find((d) => d.year === 2025);
  const syr = nationalityChange(data, "SYR", 2024, 2025);
  const yem = nationalityChange(data, "YEM", 2024, 2025);
  const ind24 = data.indRates.find((r) => r.period === "2024");
  const ind25 = data.indRates.find((r) => r.period === "2025");
  const indQ1 = data.indRates.find((r) => r.period === "2025-Q1");
  const indPart = data.indRates.find((r) => r.periodType === "deel van het jaar" && r.period.startsWith("2025"));
  const moratorium = data.events.find((e) => e.id === "syria_decision_moratorium");
  const countryPolicy = data.events.find((e) => e.id === "country_policy_syria_yemen_turkey");
  if (!d24 || !d25 || !moratorium?.end || !countryPolicy) throw new Error("toekenning: the 2024–2025 section lacks a decomposition or a policy event");
  const onContent = (geo: Comparator, year: number) => formatCount(cy(geo, year).positive + cy(geo, year).rejected);
  return {
    nl2024: formatPercent(cy("NL", 2024).rate.eurostat),
    nl2025: formatPercent(cy("NL", 2025).rate.eurostat),
    peers2024: formatPercent(cy("PEERS", 2024).rate.eurostat),
    peers2025: formatPercent(cy("PEERS", 2025).rate.eurostat),
    decisions2025: onContent("NL", 2025),
    decisions2024: onContent("NL", 2024),
    gap2024: ppText(d24.gap),
    gap2025: ppText(d25.gap),
    composition2025: ppText(d25.composition),
    within2025: ppText(d25.within),
    moratoriumStart: monthYear(moratorium.start),
    moratoriumEnd: monthYear(moratorium.end),
    syrDecisions: [formatCount(syr.nlDecisions[0]), formatCount(syr.nlDecisions[1])],
    syrNl: [formatPercent(syr.nl[0]), formatPercent(syr.nl[1])],
    syrPeers: [formatPercent(syr.peers[0]), formatPercent(syr.peers[1])],
    policyStart: monthYear(countryPolicy.start),
    yemNl: [formatPercent(yem.nl[0]), formatPercent(yem.nl[1])],
    ind2024: ind24 ? formatPercent(ind24.value, 0) : "–",
    ind2025: ind25 ? ` en ${formatPercent(ind25.value, 0)} in 2025` : "",
    indParts: `${indQ1 ? `eerste kwartaal 2025 ‘ongeveer ${formatPercent(indQ1.value, 0)}’` : ""}${indPart ? `; tot 22 september 2025 ${formatPercent(indPart.value, 0)}` : ""}`
  };
}

/** The texts of "Over de gegevens": first-instance levels, UNHCR against Eurostat, the largest totals differences. */
export function aboutTexts(data: GrantRatesData) {
  const nl = data.agreement.filter((a) => a.geo === "NL");
  const nl2022 = nl.find((a) => a.year === 2022);
  if (!nl2022) throw new Error("toekenning: no NL 2022 row in the UNHCR–Eurostat agreement");
  return {
    levels: Object.entries(data.meta.levels).map(([g, l]) => `${COMPARATOR_LABELS[g as Comparator]} ${l.join(" + ")}`).join("; "),
    agreement: agreementSummary(data).map((a) => `${COMPARATOR_LABELS[a.geo]} ${formatPercent(a.maxAbs)}-punt (${a.year})`).join("; "),
    nlClose: String(nl.filter((a) => Math.abs(a.difference) < 0.005).length),
    nlYears: String(nl.length),
    nl2022Unhcr: formatPercent(nl2022.unhcr),
    nl2022Eurostat: formatPercent(nl2022.eurostat),
    checkWorst: data.check
      .filter((c) => c.measure === "first_instance_total_positive" && c.geo !== "AT")
      .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference))
      .slice(0, 3)
      .map((c) => `${COMPARATOR_LABELS[c.geo]} ${c.year} ${formatPercent(c.difference)}`)
      .join(", ")
  };
}

/** The page: the state from the URL, the inputs, and the charts and sentences for given input values. */
export function toekenningPage(data: GrantRatesData, search: string) {
  installLinkPropagation();
  const initial = readGrantUrl(search, data);
  const MIN = data.meta.minDecisions;
  const years = data.meta.years;
  const label = (id: Definition) => definitionInfo(data, id).label;
  const yearSelect = (value: number) => Inputs.select(years.slice().reverse(), {label: "Jaar", value, format: (y) => String(y)});
  const href = (state: GrantState) => location.pathname + grantSearch(location.search, state);
  return {
    notices: urlNotices(initial.notices),
    minDecisions: formatCount(MIN),
    fall: fallTexts(data),
    about: aboutTexts(data),
    definitionRadio: () => Inputs.radio(data.meta.definitions.map((d) => d.id), {label: "Definitie", value: initial.state.definition, format: label}),
    eurostatToggle: () => Inputs.toggle({label: "Eurostat-totalen tonen", value: initial.state.eurostat}),
    summaryYearSelect: () => yearSelect(initial.state.year),
    comparatorSelect: () => Inputs.select(["PEERS", ...data.meta.peers] as Comparator[], {label: "Vergelijken met", value: initial.state.comparator, format: (c) => COMPARATOR_LABELS[c]}),
    citizenSelect: () => Inputs.select(data.nationalities.map((n) => n.code), {label: "Nationaliteit", value: initial.state.citizen, format: (c) => data.nationalities.find((n) => n.code === c)?.name ?? c}),
    devYearSelect: () => yearSelect(initial.state.devYear),
    definitionNote: (definition: Definition) => definitionInfo(data, definition).note,

    countryChart(definition: Definition, showEurostat: boolean, width: number): HTMLElement {
      const perCapita = definition === "capita";
      const es = showEurostat && definition === "eurostat" ? eurostatPoints(data) : [];
      return chartFrame(
        grantCountryRates(countryPoints(data, definition), {width, yLabel: definition === "nl" ? "Inwilligingspercentage (IND)" : perCapita ? "Positieve beslissingen per 1.000 inwoners" : rateLabel(definition), caption: countryCaption(data, definition, es.length > 0), colors: GRANT_COLORS, eurostat: es, perCapita}),
        {
          title: definition === "nl" ? "Inwilligingspercentage volgens de IND" : `${label(definition)}: per land en jaar`,
          source: definition === "nl" ? "IND en Ministerie van JenV, zoals gepubliceerd" : perCapita ? "UNHCR; Eurostat demo_gind; bewerking Asielketen Verkenner" : es.length ? "UNHCR; Eurostat migr_asydcfstq; bewerking Asielketen Verkenner" : "UNHCR; bewerking Asielketen Verkenner",
          permalink: () => location.href,
          rows: () => countryRows(data, definition, showEurostat),
          filename: `inwilliging-per-land-${definition}`,
          showTitle: false,
          kind: definition === "nl" ? "waargenomen" : "afgeleid"
        }
      );
    },

    /** The summary sentences for a year: per inhabitant, the Dutch definition, the rates and the decomposition. */
    summary(definition: Definition, year: number) {
      const s = summary(data, definition, year);
      const pub = publishedFor(data, year);
      const d = s.decomposition;
      return {
        capita:
          definition === "capita"
            ? html`In ${year} kregen in Nederland <strong data-testid="nl-capita">${fmtPc(s.perCapita.nl)}</strong> mensen per 1.000 inwoners een positieve beslissing in eerste aanleg, tegen <strong data-testid="peer-capita">${fmtPc(s.perCapita.peers)}</strong> bij de vier vergelijkingslanden samen${s.perCapita.nl == null ? " (voor dit jaar ontbreekt het bevolkingscijfer)" : ""}. <em>De vergelijking hieronder gebruikt de Eurostat-achtige definitie, omdat een aantal per inwoner niet naar nationaliteit te ontleden is.</em> `
            : "",
        published:
          definition === "nl"
            ? html`<em>De Nederlandse definitie is alleen als landelijk totaal gepubliceerd${pub ? html` (${year}: <strong data-testid="published-rate">${formatPercent(pub.value, 0)}</strong>, ${pub.scope}; ${pub.source})` : html` (niet voor ${year})`}. De vergelijking hieronder gebruikt daarom de Eurostat-achtige definitie.</em> `
            : "",
        definition: label(s.definition).toLowerCase(),
        nlRate: formatPercent(s.nlRate),
        peerRate: formatPercent(s.peerRate),
        decomposition: d
          ? html`Over de nationaliteiten met een bruikbaar percentage bij de vergelijkingslanden
(${formatPercent(d.coverage)} van de Nederlandse beslissingen; Nederland daar ${formatPercent(d.nlRate)}) is het verschil <strong data-testid="gap">${ppText(d.gap)}</strong>. Daarvan komt
<strong data-testid="composition">${ppText(d.composition)}</strong> door de samenstelling naar nationaliteit en
<strong data-testid="within">${ppText(d.within)}</strong> doordat Nederland dezelfde nationaliteiten anders beoordeelt.
${d.compositionShare == null ? "Het verschil is te klein om een aandeel te noemen." : html`De samenstelling verklaart dus <strong data-testid="composition-share">${formatPercent(d.compositionShare, 0)}</strong> van het verschil.`}`
          : "Voor dit jaar is geen ontleding mogelijk."
      };
    },

    decompositionChart(definition: Definition, comparator: Comparator, width: number): HTMLElement {
      const eff = effectiveDefinition(definition);
      const rows = decompositionRows(data, definition, comparator);
      const name = COMPARATOR_LABELS[comparator].toLowerCase();
      return chartFrame(
        grantDecomposition(rows, {
          width,
          caption: `Verschil tussen het Nederlandse percentage en dat van ${name} (zwart streepje), gesplitst in samenstelling (Nederlandse mix van nationaliteiten met de percentages per nationaliteit van de vergelijking) en het verschil binnen nationaliteiten. ${label(eff)}. ${GRANT_SOURCE}`,
          colors: {composition: "#8da0cb", within: "#e8710a"}
        }),
        {title: `Ontleding van het verschil met ${name}`, source: "UNHCR; bewerking Asielketen Verkenner", permalink: () => location.href, rows: () => decompositionDownload(rows), filename: `ontleding-${comparator}-${eff}`, showTitle: false, kind: "afgeleid"}
      );
    },

    decompositionTable: (definition: Definition, comparator: Comparator) =>
      Inputs.table(decompositionRows(data, definition, comparator), {
        columns: ["year", "nlRate", "counterfactual", "peerRate", "gap", "composition", "within", "compositionShare", "coverage"],
        header: {
          year: "Jaar",
          nlRate: "NL",
          counterfactual: "NL-mix, percentages vergelijking",
          peerRate: COMPARATOR_LABELS[comparator],
          gap: "Verschil (pp)",
          composition: "Samenstelling (pp)",
          within: "Binnen nationaliteit (pp)",
          compositionShare: "Aandeel samenstelling",
          coverage: "Gedekt deel NL-beslissingen"
        },
        format: {
          year: (y: number) => String(y),
          nlRate: (v: number) => formatPercent(v),
          counterfactual: (v: number) => formatPercent(v),
          peerRate: (v: number) => formatPercent(v),
          gap: pp,
          composition: pp,
          within: pp,
          compositionShare: (v: number | null) => formatPercent(v, 0),
          coverage: (v: number) => formatPercent(v)
        },
        rows: 13,
        select: false
      }),

    /** The range of NL decisions covered by the decomposition, as a marked span, or "–". */
    coverage(definition: Definition, comparator: Comparator) {
      const cov = coverageRange(decompositionRows(data, definition, comparator));
      return cov ? html`<span data-testid="coverage">${formatPercent(cov[0])} tot ${formatPercent(cov[1])}</span>` : "–";
    },

    nationalityChart(definition: Definition, citizen: string, width: number): HTMLElement {
      const perCapita = definition === "capita";
      const points = nationalityPoints(data, definition, citizen);
      const eff = effectiveDefinition(definition);
      return chartFrame(
        grantNationality(points, {
          width,
          years,
          yLabel: perCapita ? "positieve beslissingen per 1.000 inwoners" : rateLabel(definition),
          perCapita,
          caption: `${data.names[citizen]}: ${perCapita ? "positieve beslissingen in eerste aanleg per 1.000 inwoners van het beslissende land (afgeleid)" : `${label(eff).toLowerCase()} in eerste aanleg per land`}. Geen punt bij minder dan ${formatCount(MIN)} beslissingen. Oostenrijk (gestreept) is niet vergelijkbaar. ${GRANT_SOURCE}`,
          colors: GRANT_COLORS
        }),
        {title: `${data.names[citizen]} per land`, source: "UNHCR; bewerking Asielketen Verkenner", permalink: () => location.href, rows: () => points.map((p) => ({land: p.label, jaar: p.year, waarde: p.rate, eenheid: perCapita ? "per 1.000 inwoners" : "aandeel", beslissingen: p.decisions})), filename: `nationaliteit-${citizen}-${definition}`, showTitle: false, kind: "afgeleid"}
      );
    },

    deviationChart(definition: Definition, year: number, width: number): HTMLElement {
      const rows = deviationRows(data, definition, year);
      const eff = effectiveDefinition(definition);
      return chartFrame(
        grantDeviation(rows, {
          width,
          xLabel: rateLabel(definition),
          caption: `De ${rows.length} nationaliteiten waar Nederland in ${year} het meest afwijkt van de vier vergelijkingslanden samen, gerangschikt naar het aantal inwilligingen meer (+) of minder (−) dan bij de percentages van die landen (rechts). Alleen nationaliteiten met minstens ${formatCount(MIN)} beslissingen in Nederland én in de vier landen samen. ${label(eff)}. ${GRANT_SOURCE}`,
          colors: {nl: GRANT_COLORS[COMPARATOR_LABELS.NL], peers: GRANT_COLORS[COMPARATOR_LABELS.PEERS]}
        }),
        {title: `Grootste afwijkingen per nationaliteit, ${year}`, source: "UNHCR; bewerking Asielketen Verkenner", permalink: () => location.href, rows: () => rows.map((d) => ({nationaliteit: d.name, nl_beslissingen: d.nlDecisions, nl: d.nlRate, vier_samen: d.peerRate, verschil: d.difference, inwilligingen_meer_of_minder: Math.round(d.excessGrants)})), filename: `afwijkingen-${year}-${eff}`, showTitle: false, kind: "afgeleid"}
      );
    },

    /** Writes the page's state into the address bar (keys g_*, beside any scenario keys) and returns it. */
    remember(state: GrantState): GrantState {
      history.replaceState(null, "", href(state) + location.hash);
      return state;
    },
    permalinkButton: (state: GrantState) => permalinkButton(() => location.origin + href(state)),

    indTable: () =>
      Inputs.table(data.indRates, {
        columns: ["period", "periodType", "asStated", "definition", "source", "grade"],
        header: {period: "Periode", periodType: "Soort", asStated: "Zoals gepubliceerd", definition: "Wat het telt", source: "Bron", grade: "Soort bron"},
        format: {
          source: (t: string, i: number) => (data.indRates[i].url ? html`<a href="${data.indRates[i].url}">${t}</a>` : t),
          grade: (g: string, i: number) => `${g.startsWith("P") ? "primair" : "secundair"}${data.indRates[i].afterVintage ? "; na datastand" : ""}`
        },
        select: false,
        rows: 20,
        layout: "auto"
      })
  };
}
