// Observable Framework configuration. See docs/architecture.md for why each setting is what it is.
import {readFileSync} from "node:fs";
import {BEGRIPPEN} from "./src/components/begrippen.js";
import {bandFilePaths} from "./src/explorer/precomputed-band.js";
import {loadModelInputs} from "./loaders/model-inputs.js";

/**
 * Site search: every page, plus one entry per measure and per term of the begrippenlijst. The paths
 * name the .html file: Framework's path normalizer would otherwise append ".html" after the #fragment
 * (preserveExtension, see docs/deploy.md).
 */
async function* searchIndex() {
  const measures = JSON.parse(readFileSync(new URL("./data/measures.json", import.meta.url), "utf8")) as {id: string; name: string; summary: string}[];
  for (const m of measures) yield {path: `/maatregelen.html#maatregel-${m.id}`, title: `Maatregel: ${m.name}`, text: m.summary, keywords: m.name};
  for (const b of BEGRIPPEN) yield {path: `/begrippen.html#${b.id}`, title: `Begrip: ${b.term}`, text: b.definition, keywords: [b.term, ...(b.variants ?? [])].join(" ")};
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
  // Links end in .html (and the home link in index.html), so the site works on any static host —
  // object storage, a plain file server, GitHub Pages under a project subpath — without URL
  // rewriting. Hosts that do rewrite serve both forms. See docs/deploy.md.
  preserveExtension: true,
  preserveIndex: true,
  // Only 404.html uses it (a <base> element, so the page also works at a deep missing path). For a
  // site under a subpath, build with SITE_BASE=/subpath/ (docs/deploy.md).
  base: process.env.SITE_BASE ?? "/",
  // The inline <script> below is moved into an external file after the build (scripts/postbuild.ts),
  // so the site runs under a strict Content-Security-Policy without 'unsafe-inline'.
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
    "Asielketen Verkenner — een verkenner van de Nederlandse asielketen. Bronnen en methode: zie <a href=\"./bronnen.html\">Bronnen en methode</a>.",
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
  // The precomputed bands (src/explorer/precomputed-band.ts): one file per scenario page and preset,
  // extracted from src/data/bands.zip.ts. Pages fetch them by a path built from the URL's preset, so
  // Framework cannot see them in the pages' code; listed here, they are built (unhashed) into data/bands/.
  async *dynamicPaths() {
    const inputs = await loadModelInputs();
    for (const path of bandFilePaths(inputs.presets.map((p) => p.id))) yield `/${path}`;
  },
  pager: false,
  toc: {label: "Inhoud", show: true}
};
