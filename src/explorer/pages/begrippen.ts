/** Page logic of /begrippen: the glossary as a definition list, sorted the Dutch way, and the legend of kinds of numbers. */
import {BEGRIPPEN, type Begrip} from "../../components/begrippen.js";
import {kindLegend} from "../../components/provenance.js";
import {installLinkPropagation} from "../links.js";

/** The terms in Dutch alphabetical order, each with the source line the page prints after its definition. */
export function glossaryRows(terms: readonly Begrip[] = BEGRIPPEN): {id: string; term: string; definition: string; source: string}[] {
  return [...terms].sort((a, b) => a.term.localeCompare(b.term, "nl")).map((b) => ({id: b.id, term: b.term, definition: b.definition, source: ` Bron: ${b.source}.`}));
}

/** The glossary (`<dl class="begrippen">`, every term with its id as anchor) and the legend of kinds. */
export function begrippenPage(): {list: HTMLDListElement; legend: HTMLElement} {
  installLinkPropagation();
  const list = document.createElement("dl");
  list.className = "begrippen";
  for (const row of glossaryRows()) {
    const dt = document.createElement("dt");
    dt.id = row.id;
    dt.textContent = row.term;
    const dd = document.createElement("dd");
    dd.textContent = row.definition;
    const source = document.createElement("span");
    source.className = "bron";
    source.textContent = row.source;
    dd.append(source);
    list.append(dt, dd);
  }
  return {list, legend: kindLegend()};
}
