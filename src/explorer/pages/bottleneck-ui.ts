/**
 * The strip under the chain overview: the binding constraint per month (model/bottleneck.ts), with a
 * Dutch sentence counting the projected months per constraint.
 */
import {bottlenecks, CONSTRAINTS, countDominant, type Bottlenecks} from "../../model/bottleneck.js";
import type {ModelInputs, Scenario} from "../../model/types.js";
import {formatCount, formatShortMonth} from "../../components/format.js";
import {bottleneckStrip, STRIP_LABELS, type StripCell} from "../../components/bottleneck-strip.js";
import {monthDate} from "../../components/scenario-chart.js";

/** The cells of the strip (one per month), with Dutch tooltips. Pure. */
export function stripCells(b: Bottlenecks): StripCell[] {
  return b.months.map((m) => {
    const also = CONSTRAINTS.filter((c) => m.binds[c] && c !== m.dominant).map((c) => STRIP_LABELS[c]);
    const title = `${formatShortMonth(monthDate(m.month))}: ${m.dominant === "geen" ? "geen knelpunt" : `knelpunt ${STRIP_LABELS[m.dominant]}`}${also.length ? ` (ook krap: ${also.join(", ")})` : ""}${m.past ? "; periode waarin het model de waarnemingen volgt" : "; projectie"}`;
    return {month: m.month, kind: m.dominant, past: m.past, title};
  });
}

/** "In de projectie (okt 2025 – dec 2030) is het knelpunt 60 maanden IND-beslissingen en 3 maanden woningen …". */
export function stripSentence(b: Bottlenecks): string {
  const future = b.months.filter((m) => !m.past);
  if (future.length === 0) return "Dit scenario heeft geen maanden na het startpunt.";
  const counts = countDominant(b, true);
  const parts = (["ind", "opvang", "huisvesting", "geen"] as const)
    .filter((k) => counts[k] > 0)
    .sort((a, b) => counts[b] - counts[a])
    .map((k) => `${formatCount(counts[k])} ${counts[k] === 1 ? "maand" : "maanden"} ${k === "geen" ? "geen knelpunt" : STRIP_LABELS[k]}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} en ${parts.at(-1)}` : parts[0]!;
  return `In de projectie (${formatShortMonth(monthDate(future[0]!.month))} – ${formatShortMonth(monthDate(future.at(-1)!.month))}) is het bindende knelpunt: ${list}.`;
}

/** The strip and its sentence for `scenario`. */
export function bottleneckSection(inputs: ModelInputs, scenario: Scenario, {width}: {width: number}): HTMLElement {
  const b = bottlenecks(scenario, inputs);
  const root = document.createElement("div");
  root.className = "bottleneck-section";
  const sentence = document.createElement("p");
  sentence.className = "strip-sentence";
  sentence.textContent = stripSentence(b);
  root.append(
    bottleneckStrip(stripCells(b), {
      width,
      origin: b.origin,
      caption: "Per maand de schakel die de doorstroom begrenst (gemodelleerd): de IND beslist zoveel als haar capaciteit toelaat terwijl er zaken wachten, er zijn meer opvangplekken nodig dan er zijn, of alle beschikbare woningen worden gebruikt terwijl vergunninghouders wachten. Binden er meer tegelijk, dan kleurt de schakel met de hoogste druk. Bron: Asielketen Verkenner, ketenmodel.",
      summary: stripSentence(b)
    }),
    sentence
  );
  return root;
}
