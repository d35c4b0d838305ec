// Observable Framework configuration. See docs/architecture.md for why each setting is what it is.
import {readFileSync} from "node:fs";
import {BEGRIPPEN} from "./src/components/begrippen.js";

/** Site search: every page, plus one entry per measure and per term of the begrippenlijst. */
async function* searchIndex() {
  const measures = JSON.parse(readFileSync(new URL("./data/measures.json", import.meta.url), "utf8")) as {id: string; name: string; summary: string}[];
  for (const m of measures) yield {path: `/maatregelen#maatregel-${m.id}`, title: `Maatregel: ${m.name}`, text: m.summary, keywords: m.name};
  for (const b of BEGRIPPEN) yield {path: `/begrippen#${b.id}`, title: `Begrip: ${b.term}`, text: b.definition, keywords: [b.term, ...(b.variants ?? [])].join(" ")};
}

export default {
  root: "src",
  title: "Asielketen Verkenner",
  lang: "nl",
  // The default theme loads Google Fonts at run time; the project stylesheet replaces it.
  globalStylesheets: [],
  style: "style.css",
  search: {index: searchIndex},
  // A skip link to the main content; the head script moves it before the sidebar so it is the first tab stop.
  header: '<a class="skip-link" href="#observablehq-main">Naar de inhoud</a>',
  // No favicon file: an empty data URL stops browsers from requesting /favicon.ico (a 404).
  // Framework 1.13 renders <html> without a lang, a sidebar toggle labelled only by a title, and a
  // <label> directly inside the sidebar's <ol>; this script fixes those accessibility defects (axe-core).
  head: `<link rel="icon" href="data:,"><script>
document.documentElement.lang = "nl";
addEventListener("DOMContentLoaded", () => {
  const skip = document.querySelector(".skip-link");
  if (skip) document.body.prepend(skip);
  const main = document.getElementById("observablehq-main");
  if (main) main.tabIndex = -1;
  const toggle = document.getElementById("observablehq-sidebar-toggle");
  if (toggle) { toggle.setAttribute("aria-label", "Zijbalk tonen of verbergen"); toggle.title = "Zijbalk tonen of verbergen"; }
  const close = document.getElementById("observablehq-sidebar-close");
  if (close && close.parentElement && close.parentElement.tagName === "OL") close.parentElement.before(close);
  const search = document.querySelector("#observablehq-search input");
  if (search) { search.placeholder = "Zoeken"; search.setAttribute("aria-label", "Zoeken op deze site"); }
});
</script>`,
  // An explicit footer without the build time, so two builds of the same commit are identical.
  footer:
    "Asielketen Verkenner — een verkenner van de Nederlandse asielketen. Bronnen en methode: zie <a href=\"./bronnen\">Bronnen en methode</a>.",
  pages: [
    {name: "Instroom", path: "/instroom"},
    {name: "IND / doorstroom", path: "/ind"},
    {name: "Opvang", path: "/opvang"},
    {name: "Uitstroom", path: "/uitstroom"},
    {name: "Nareis", path: "/nareis"},
    {name: "Maatregelen", path: "/maatregelen"},
    {name: "Vergelijken", path: "/vergelijken"},
    {name: "Inwilligingspercentages", path: "/toekenning"},
    {name: "Europa", path: "/europa"},
    {name: "Spreidingswet", path: "/spreiding"},
    {name: "Hoe goed voorspelt het model?", path: "/voorspelkwaliteit"},
    {name: "Scenarionotitie", path: "/notitie"},
    {name: "Begrippenlijst", path: "/begrippen"},
    {name: "Bronnen en methode", path: "/bronnen"}
  ],
  pager: false,
  toc: {label: "Inhoud", show: true}
};
