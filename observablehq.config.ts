// Observable Framework configuration. See docs/architecture.md for why each setting is what it is.
export default {
  root: "src",
  title: "Asielketen Verkenner",
  lang: "nl",
  // The default theme loads Google Fonts at run time; the project stylesheet replaces it.
  globalStylesheets: [],
  style: "style.css",
  search: true,
  // An explicit footer without the build time, so two builds of the same commit are identical.
  footer:
    "Asielketen Verkenner — een verkenner van de Nederlandse asielketen. Bronnen en methode: zie <a href=\"./bronnen\">Bronnen en methode</a>.",
  pages: [
    {name: "Instroom", path: "/instroom"}
  ],
  pager: false,
  toc: true
};
