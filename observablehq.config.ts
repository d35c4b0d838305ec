// Observable Framework configuration. See docs/architecture.md for why each setting is what it is.
export default {
  root: "src",
  title: "Asielketen Verkenner",
  lang: "nl",
  // The default theme loads Google Fonts at run time; the project stylesheet replaces it.
  globalStylesheets: [],
  style: "style.css",
  search: true,
  // No favicon file: an empty data URL stops browsers from requesting /favicon.ico (a 404).
  head: '<link rel="icon" href="data:,">',
  // An explicit footer without the build time, so two builds of the same commit are identical.
  footer:
    "Asielketen Verkenner — een verkenner van de Nederlandse asielketen. Bronnen en methode: zie <a href=\"./bronnen\">Bronnen en methode</a>.",
  pages: [
    {name: "Instroom", path: "/instroom"},
    {name: "Opvang", path: "/opvang"},
    {name: "Inwilligingspercentages", path: "/toekenning"},
    {name: "Bronnen en methode", path: "/bronnen"}
  ],
  pager: false,
  toc: true
};
