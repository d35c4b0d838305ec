/**
 * The catalogue of measures from the five seed documents, grouped by pillar: name, status, source,
 * summary, and either how the model quantifies it or why it cannot be quantified. Plain HTML, all text
 * set with textContent.
 */
import type {Measure} from "../model/types.js";

export const PILLAR_LABELS: Record<Measure["pillar"], string> = {
  instroom: "Instroom",
  doorstroom: "Doorstroom (IND)",
  opvang: "Opvang",
  uitstroom: "Uitstroom en huisvesting",
  terugkeer: "Terugkeer en vertrek",
  stelsel: "Stelsel en wetgeving"
};

export const STATUS_LABELS: Record<Measure["status"], string> = {adopted: "vastgesteld", passed_house: "aangenomen door de Tweede Kamer", proposed: "voorgenomen", draft: "concept (niet vastgesteld)"};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content != null) node.textContent = content;
  return node;
}

/** Renders the catalogue; `active` lists the ids switched on in the current scenario. */
export function measureCatalogue(measures: Measure[], {active = []}: {width?: number; active?: string[]} = {}): HTMLElement {
  const root = el("div", "catalogue");
  for (const pillar of Object.keys(PILLAR_LABELS) as Measure["pillar"][]) {
    const list = measures.filter((m) => m.pillar === pillar);
    if (!list.length) continue;
    root.append(el("h3", undefined, `${PILLAR_LABELS[pillar]} (${list.length})`));
    for (const m of list) {
      const item = el("details", `measure-item${m.effects?.length ? " quantified" : ""}`);
      item.dataset.measure = m.id;
      item.id = `maatregel-${m.id}`;
      const summary = el("summary");
      summary.append(el("span", "measure-name", m.name), el("span", `status status-${m.status}`, STATUS_LABELS[m.status]));
      if (m.effects?.length) summary.append(el("span", "gemodelleerd", active.includes(m.id) ? "gemodelleerd · aan" : "gemodelleerd"));
      item.append(summary, el("p", undefined, m.summary));
      const source = el("p", "bron", `Bron: ${m.source.document}${m.source.section ? `, ${m.source.section}` : ""}${m.source.date ? ` (${m.source.date})` : ""}.`);
      item.append(source);
      if (m.effects?.length) {
        item.append(el("p", undefined, `Zo rekent het model ermee: ${m.quantification ?? ""}`));
      } else {
        item.append(el("p", "niet-gekwantificeerd", `Niet gekwantificeerd: ${m.notQuantifiable ?? ""}`));
      }
      root.append(item);
    }
  }
  return root;
}
