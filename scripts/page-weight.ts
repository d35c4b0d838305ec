/**
 * Page weight of the built site: for every page in `dist/`, the JavaScript and CSS it loads when it
 * opens (its module graph and stylesheets) and the data JSON it attaches, as gzip bytes (level 6, what
 * a host serving gzip transfers). Used by scripts/check-dist.ts (the budget) and printed by
 * `npm run weight` (`--modules` lists every module, biggest first; `--json` for the data).
 *
 * What counts as loaded at start, read from the built files (no browser):
 *  - the page's `<link rel="stylesheet">`, `<link rel="modulepreload">` and `<script src>` files
 *    (Framework writes a modulepreload for every module in the page's static import graph);
 *  - every module those import statically (`import … from`, `export … from`), transitively;
 *  - workers the page starts: a module named in `import.meta.resolve("…")` in that graph, with its
 *    static imports (the band worker; it mostly shares its modules with the page);
 *  - a dynamic `import("…")` is **not** counted: Framework emits the module but does not preload it,
 *    and the browser fetches it only when the code runs (see docs/performance.md, "Page weight").
 *    Those modules are listed as `lazy`.
 * Data: the JSON files the page registers for FileAttachment (`registerFile` in its inline module),
 * and on a scenario page the precomputed band its default view fetches (data/bands/<page>/ongewijzigd.json).
 */
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {basename, dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";
import {build} from "esbuild";
import {DEFAULT_PRESET} from "../src/model/constants.js";
import {bandFilePath, PAGE_BAND_SERIES, type BandPage} from "../src/explorer/precomputed-band.js";

export const DIST = resolve(fileURLToPath(new URL("..", import.meta.url)), "dist");

/** The budget per page: JS + CSS loaded at start, gzip. */
export const PAGE_BUDGET_BYTES = 250 * 1024;

export interface FileWeight {
  /** Path relative to dist/ (with the content hash). */
  path: string;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** The HTML file, relative to dist/ (`instroom.html`). */
  page: string;
  /** JS and CSS loaded when the page opens, biggest (gzip) first. */
  code: FileWeight[];
  /** Modules the page can import later (dynamic import), not loaded at start, biggest first. */
  lazy: FileWeight[];
  /** Data JSON files attached to the page. */
  data: FileWeight[];
  codeGzip: number;
  lazyGzip: number;
  dataGzip: number;
}

const sizes = new Map<string, FileWeight>();
function weigh(dist: string, file: string): FileWeight {
  let w = sizes.get(file);
  if (!w) {
    const body = readFileSync(file);
    sizes.set(file, (w = {path: relative(dist, file), raw: body.length, gzip: gzipSync(body, {level: 6}).length}));
  }
  return w;
}

interface ModuleImports {
  static: string[];
  dynamic: string[];
  resolve: string[];
}

const importCache = new Map<string, Promise<ModuleImports>>();
/** The imports of one built JS file, resolved to absolute paths (only files inside dist/). */
function importsOf(file: string): Promise<ModuleImports> {
  let m = importCache.get(file);
  if (!m) importCache.set(file, (m = parseImports(file)));
  return m;
}

async function parseImports(file: string): Promise<ModuleImports> {
  const m: ModuleImports = {static: [], dynamic: [], resolve: []};
  // esbuild parses the module (no regex over minified code); `metafile` names each import and its kind.
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
    // Keep every import unresolved: only this file's own imports are wanted.
    plugins: [{name: "external", setup: (b) => b.onResolve({filter: /.*/}, (a) => (a.kind === "entry-point" ? undefined : {path: a.path, external: true}))}]
  });
  const entry = Object.values(result.metafile!.inputs)[0];
  for (const i of entry?.imports ?? []) {
    if (!i.path.startsWith(".")) continue;
    const target = resolve(dirname(file), i.path);
    if (i.kind === "dynamic-import") m.dynamic.push(target);
    else if (i.kind === "import-statement") m.static.push(target);
  }
  // import.meta.resolve("./x.js") (the band worker): Framework rewrites the literal to the built file
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(/import\.meta\.resolve\(\s*["'](\.[^"']+)["']\s*\)/g)) m.resolve.push(resolve(dirname(file), match[1]!));
  return m;
}

const byGzip = (a: FileWeight, b: FileWeight) => b.gzip - a.gzip || a.path.localeCompare(b.path);
const local = (dist: string, page: string, href: string): string | null =>
  /^[a-z]+:|^\/\//i.test(href) ? null : resolve(dirname(page), href.replace(/[?#].*$/, ""));

/** The weight of one built page (`file` is the absolute path of its HTML). */
export async function pageWeight(file: string, dist = DIST): Promise<PageWeight> {
  const html = readFileSync(file, "utf8");
  const roots: string[] = [];
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/gi) ?? []) {
    const isLink = /^<link/i.test(tag);
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1] ?? "";
    if (isLink && !/^(stylesheet|modulepreload)$/i.test(rel)) continue;
    const ref = (isLink ? /\bhref="([^"]*)"/i : /\bsrc="([^"]*)"/i).exec(tag)?.[1];
    const path = ref && local(dist, file, ref);
    if (path) roots.push(path);
  }
  const loaded = new Set<string>();
  const dynamic = new Set<string>();
  const visit = async (f: string): Promise<void> => {
    if (loaded.has(f)) return;
    loaded.add(f);
    if (!f.endsWith(".js")) return;
    const m = await importsOf(f);
    for (const i of m.dynamic) dynamic.add(i);
    await Promise.all([...m.static, ...m.resolve.filter((i) => i.endsWith(".js"))].map(visit));
  };
  await Promise.all(roots.map(visit));
  // Everything reachable only through dynamic imports (and their static imports).
  const lazy = new Set<string>();
  const visitLazy = async (f: string): Promise<void> => {
    if (loaded.has(f) || lazy.has(f) || !existsSync(f)) return; // Framework's stdlib names CDN modules it never emits
    lazy.add(f);
    const m = await importsOf(f);
    await Promise.all([...m.static, ...m.dynamic, ...m.resolve].filter((i) => i.endsWith(".js")).map(visitLazy));
  };
  await Promise.all([...dynamic].map(visitLazy));

  const data: FileWeight[] = [];
  for (const r of roots.filter((r) => /\/inline-[0-9a-f]+\.js$/.test(r))) {
    const source = readFileSync(r, "utf8");
    for (const match of source.matchAll(/registerFile\([^,]+,\s*\{[^}]*"path":"([^"]+\.json)"/g)) {
      const path = local(dist, file, match[1]);
      if (path && !data.some((d) => d.path === relative(dist, path))) data.push(weigh(dist, path));
    }
  }
  const name = basename(file, ".html");
  const band = name in PAGE_BAND_SERIES ? join(dist, bandFilePath(name as BandPage, DEFAULT_PRESET)) : null;
  if (band && existsSync(band)) data.push(weigh(dist, band));
  const code = [...loaded].map((f) => weigh(dist, f)).sort(byGzip);
  const lazyFiles = [...lazy].map((f) => weigh(dist, f)).sort(byGzip);
  const sum = (l: FileWeight[]) => l.reduce((s, w) => s + w.gzip, 0);
  return {page: relative(dist, file), code, lazy: lazyFiles, data: data.sort(byGzip), codeGzip: sum(code), lazyGzip: sum(lazyFiles), dataGzip: sum(data)};
}

/** Every page of the built site (the HTML files at the top of dist/, 404.html included). */
export async function siteWeights(dist = DIST): Promise<PageWeight[]> {
  const pages = readdirSync(dist)
    .sort()
    .filter((f) => f.endsWith(".html") && statSync(join(dist, f)).isFile());
  return Promise.all(pages.map((f) => pageWeight(join(dist, f), dist)));
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** Problems for pages over the budget, each naming the page and its biggest modules. */
export function budgetProblems(weights: PageWeight[], budget = PAGE_BUDGET_BYTES): string[] {
  return weights
    .filter((w) => w.codeGzip > budget)
    .map(
      (w) =>
        `${w.page}: ${kb(w.codeGzip)} KB of JS + CSS (gzip) at start, over the budget of ${kb(budget)} KB; biggest: ` +
        w.code
          .slice(0, 8)
          .map((f) => `${f.path} ${kb(f.gzip)} KB`)
          .join(", ")
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const weights = await siteWeights();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(weights, null, 2));
  } else {
    console.log(`Page weight (gzip level 6, KB); budget ${kb(PAGE_BUDGET_BYTES)} KB of JS + CSS at start`);
    console.log("page                      files   JS+CSS   lazy   data JSON");
    for (const w of weights) {
      console.log(`${w.page.padEnd(24)} ${String(w.code.length).padStart(6)}   ${kb(w.codeGzip).padStart(6)}  ${kb(w.lazyGzip).padStart(5)}   ${kb(w.dataGzip).padStart(6)}${w.codeGzip > PAGE_BUDGET_BYTES ? "   OVER" : ""}`);
      if (process.argv.includes("--modules")) {
        for (const f of w.code) console.log(`    ${kb(f.gzip).padStart(6)}  ${f.path}`);
        for (const f of w.lazy) console.log(`    ${kb(f.gzip).padStart(6)}  (lazy) ${f.path}`);
        for (const f of w.data) console.log(`    ${kb(f.gzip).padStart(6)}  (data) ${f.path}`);
      }
    }
  }
}
