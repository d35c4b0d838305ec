/**
 * Post-build check: fails the build (exit 1) when the built site
 *  - misses a page named in the config, or depends on Framework's CDN (`_npm/`);
 *  - references a third-party host from a page (scripts, styles, fonts);
 *  - shows a rendered error on any page, logs a console error, or makes a request that leaves the
 *    served origin (checked in headless Chromium when it is installed);
 *  - has a page whose JS + CSS at start exceeds the budget (scripts/page-weight.ts: 250 KB gzip),
 *    naming the page and its biggest modules; in Chromium, also when a page loads a script or
 *    stylesheet that this count does not know (so the count cannot miss what a page really loads).
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import config from "../observablehq.config.js";
import {hasChromium, launchBrowser, CHROMIUM_PATH} from "./browser.js";
import {DIST, startServer} from "./static-server.js";
import {budgetProblems, PAGE_BUDGET_BYTES, siteWeights} from "./page-weight.js";

if (process.env.CHECK_DIST === "skip") {
  // the offline-build check's second build (scripts/offline-build.ts): compared byte for byte with the first, which was checked
  console.error("check-dist: skipped (CHECK_DIST=skip)");
  process.exit(0);
}

const problems: string[] = [];
const pages = ["/index", ...config.pages.map((p: {path: string}) => p.path)];

for (const page of pages) {
  if (!existsSync(join(DIST, `${page}.html`))) problems.push(`${page}: dist${page}.html is missing`);
}
if (existsSync(join(DIST, "_npm"))) problems.push("dist/_npm exists: a page imports from the CDN (npm: or an implicit import)");
for (const file of readdirSync(DIST).filter((f) => f.endsWith(".html"))) {
  const html = readFileSync(join(DIST, file), "utf8");
  const external = html.match(/(?:src|href)="https?:\/\/(?!127\.0\.0\.1)[^"]*\.(?:js|css|woff2?)"/g);
  if (external) problems.push(`${file}: loads third-party resources ${external.join(", ")}`);
  if (html.includes("fonts.googleapis")) problems.push(`${file}: loads Google Fonts`);
}

const weights = await siteWeights(DIST);
problems.push(...budgetProblems(weights));
const heaviest = weights.reduce((a, b) => (b.codeGzip > a.codeGzip ? b : a));
console.error(`check-dist: page weight ${(heaviest.codeGzip / 1024).toFixed(1)} KB at most (${heaviest.page}), budget ${PAGE_BUDGET_BYTES / 1024} KB of JS + CSS gzip (npm run weight)`);
const weightOf = new Map(weights.map((w) => [w.page, w]));

if (hasChromium()) {
  const {server, url} = await startServer(0);
  const browser = await launchBrowser();
  try {
    // Three pages at a time, each in its own browser context (an empty cache, so that every script a
    // page loads is requested and seen): most of a page's time here is waiting for the network to go
    // quiet, which the others use. On 2 cores: 41 s for the 15 pages one by one, 31 s three at a time.
    const queue = [...pages];
    const check = async (path: string): Promise<void> => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} for ${r.url()}`));
      page.on("request", (r) => !r.url().startsWith(url) && !r.url().startsWith("data:") && errors.push(`request leaves the site: ${r.url()}`));
      const code = new Set<string>();
      page.on("request", (r) => ["script", "stylesheet"].includes(r.resourceType()) && r.url().startsWith(url) && code.add(decodeURIComponent(new URL(r.url()).pathname.slice(1))));
      await page.goto(url + (path === "/index" ? "/" : path), {waitUntil: "networkidle"});
      await page.waitForTimeout(300);
      const weight = weightOf.get(`${path.slice(1)}.html`);
      const known = new Set([...(weight?.code ?? []), ...(weight?.lazy ?? [])].map((f) => f.path));
      for (const file of code) if (!known.has(file)) problems.push(`${path}: loads ${file}, which the page-weight count (scripts/page-weight.ts) does not include`);
      const rendered = await page.locator(".observablehq--error").allInnerTexts();
      for (const e of rendered) problems.push(`${path}: rendered error: ${e.trim()}`);
      for (const e of errors) problems.push(`${path}: ${e}`);
      await page.close();
    };
    await Promise.all(
      Array.from({length: 3}, async () => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) await check(path);
      })
    );
  } finally {
    await browser.close();
    server.close();
  }
  console.error(`check-dist: rendered ${pages.length} pages in Chromium`);
} else {
  console.error(`check-dist: Chromium not found at ${CHROMIUM_PATH}; rendered-error check skipped (install: sudo apt-get install -y chromium-headless-shell)`);
}

if (problems.length) {
  console.error(`check-dist: the build is broken:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.error(`check-dist: ${pages.length} pages OK`);
