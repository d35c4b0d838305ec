/**
 * Post-build step (runs after `observable build`, before scripts/check-dist.ts). It makes `dist/`
 * publishable on any static host under a strict Content-Security-Policy:
 *
 * 1. Moves every inline `<script>` of every page into a file next to the page named by the hash of its
 *    content (`inline-<hash>.js`) and references it with `src`, keeping `type="module"` — module
 *    imports like `./_observablehq/client.js` stay relative to the same folder, so they still resolve.
 *    Framework 1.13 writes four inline scripts per page; afterwards there are none, so the policy needs
 *    no 'unsafe-inline' and no hashes (see scripts/csp.ts).
 * 2. Adds a visible Dutch notice to every page that stays only when the page's scripts cannot run
 *    (opened from file://, JavaScript off, a host that blocks or mistypes the scripts).
 * 3. Replaces the file modification times Framework embeds (`"lastModified": …`) by the time of the
 *    commit being built, so two builds of one commit are byte-identical.
 * 4. Replaces the built htl module by a copy that never writes an inline event-handler attribute
 *    (scripts/htl-csp.ts), under a new content-hashed name, and updates every reference to it.
 * 5. Writes `dist/_headers` with the policy and fails when an inline event-handler attribute or a
 *    `javascript:` URL is left in any page.
 */
import {createHash} from "node:crypto";
import {execFileSync} from "node:child_process";
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {headersFile, IMMUTABLE_PREFIXES, isImmutablePath} from "./csp.js";
import {cspSafeHtl} from "./htl-csp.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const NOTICE_DIR = "_publish";

/** The notice shown when scripts do not run; `notice.js` switches it to the file:// wording. */
export const NOTICE_TEXT =
  "Deze pagina kan haar grafieken en knoppen niet tonen: de scripts van de site worden niet uitgevoerd. " +
  "Zet JavaScript aan, of vraag de beheerder van de website om de scripts toe te staan.";
export const FILE_NOTICE_TEXT =
  "Deze pagina is als los bestand geopend (file://). Browsers voeren de scripts van de site dan niet uit, " +
  "dus grafieken en knoppen ontbreken. Open de site via een webserver, bijvoorbeeld met " +
  "\u201cpython3 -m http.server\u201d in de map dist.";

// Hidden for 2 seconds, so a normal load never flashes it; shown after that unless ready.js removed it.
const NOTICE_CSS = `.av-script-notice{visibility:hidden;animation:av-script-notice 0s 2s forwards;margin:1rem;padding:.75rem 1rem;border:2px solid #b3261e;background:#fdecea;color:#1b1b1b;font:16px/1.5 system-ui,sans-serif;position:relative;z-index:10}
.av-script-notice[data-file]{visibility:visible;animation:none}
@keyframes av-script-notice{to{visibility:visible}}
`;
const NOTICE_JS = `// Classic script: runs even where module scripts are blocked (file://).
(function () {
  var notice = document.getElementById("av-script-notice");
  if (notice && location.protocol === "file:") {
    notice.textContent = ${JSON.stringify(FILE_NOTICE_TEXT)};
    notice.setAttribute("data-file", "");
  }
})();
`;
const READY_JS = `// Module script: when modules run, the page can render, so the notice goes.
document.getElementById("av-script-notice")?.remove();
`;

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(name) ? [path] : [];
  });
}

/** Swaps dist/_node/htl@<version>/index.<hash>.js for the CSP-safe build; returns the new path. */
export function replaceHtl(dist: string, root = ROOT): string {
  const {version, code} = cspSafeHtl(root);
  const dir = join(dist, "_node", `htl@${version}`);
  const old = readdirSync(dir).filter((f) => /^index\.[0-9a-f]+\.js$/.test(f));
  if (old.length !== 1) throw new Error(`postbuild: expected one htl module in ${dir}, found ${old.length}`);
  const name = `index.${sha(code).slice(0, 8)}.js`;
  for (const f of readdirSync(dir)) rmSync(join(dir, f));
  writeFileSync(join(dir, name), code);
  const from = `htl@${version}/${old[0]}`;
  const to = `htl@${version}/${name}`;
  for (const file of filesUnder(dist, (n) => n.endsWith(".js") || n.endsWith(".html"))) {
    const text = readFileSync(file, "utf8");
    if (text.includes(from)) writeFileSync(file, text.replaceAll(from, to));
  }
  return join(dir, name);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith("_") ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** Every file below `dir`, as "/"-separated paths relative to `root` with a leading "/". */
function allFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path, root) : ["/" + relative(root, path).split(sep).join("/")];
  });
}

/** Files in the folders a host caches for a year (scripts/csp.ts) whose names carry no content hash. */
export function unhashedCachedFiles(dist: string): string[] {
  return allFiles(dist).filter((f) => IMMUTABLE_PREFIXES.some((p) => f.startsWith(p)) && !isImmutablePath(f));
}

/** Milliseconds of the commit being built (SOURCE_DATE_EPOCH wins), or 0 outside git. */
export function buildTime(root = ROOT): number {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH) * 1000;
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], {cwd: root, encoding: "utf8"}).trim()) * 1000;
  } catch {
    return 0;
  }
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const HANDLER_ATTR = /<[a-z][^>]*\son[a-z]+\s*=/i;

export interface PostbuildResult {
  pages: number;
  scriptsMoved: number;
  problems: string[];
}

/** Rewrites one page's HTML; `write(name, text)` stores an external script next to the page. */
export function rewritePage(html: string, prefix: string, lastModified: number, write: (name: string, text: string) => void): {html: string; moved: number} {
  let moved = 0;
  html = html.replace(/"lastModified":\d+/g, `"lastModified":${lastModified}`);
  html = html.replace(SCRIPT, (whole, attrs: string, body: string) => {
    if (/\ssrc\s*=/.test(attrs)) return whole;
    const name = `inline-${sha(body).slice(0, 16)}.js`;
    write(name, body);
    moved++;
    const module = /type\s*=\s*["']?module/i.test(attrs);
    return `<script${module ? ' type="module"' : ""} src="./${name}"></script>`;
  });
  const head = `<link rel="stylesheet" href="${prefix}${NOTICE_DIR}/notice.css">\n<script src="${prefix}${NOTICE_DIR}/notice.js" defer></script>\n<script type="module" src="${prefix}${NOTICE_DIR}/ready.js"></script>\n`;
  html = html.replace(/<\/head>/i, `${head}</head>`);
  html = html.replace(/<body([^>]*)>/i, `<body$1>\n<div id="av-script-notice" class="av-script-notice" role="alert">${NOTICE_TEXT}</div>`);
  return {html, moved};
}

/** Runs the post-build step on `dist`. */
export function postbuild(dist = join(ROOT, "dist")): PostbuildResult {
  const problems: string[] = [];
  const time = buildTime();
  mkdirSync(join(dist, NOTICE_DIR), {recursive: true});
  writeFileSync(join(dist, NOTICE_DIR, "notice.css"), NOTICE_CSS);
  writeFileSync(join(dist, NOTICE_DIR, "notice.js"), NOTICE_JS);
  writeFileSync(join(dist, NOTICE_DIR, "ready.js"), READY_JS);
  const pages = htmlFiles(dist);
  let scriptsMoved = 0;
  for (const file of pages) {
    const dir = dirname(file);
    const depth = relative(dist, dir).split(sep).filter(Boolean).length;
    const base = /<base\s/i.test(readFileSync(file, "utf8"));
    const prefix = base || depth === 0 ? "./" : "../".repeat(depth);
    const {html, moved} = rewritePage(readFileSync(file, "utf8"), prefix, time, (name, text) => writeFileSync(join(dir, name), text));
    scriptsMoved += moved;
    const rel = relative(dist, file);
    if (/<script\b(?![^>]*\ssrc\s*=)[^>]*>/i.test(html)) problems.push(`${rel}: an inline <script> is left`);
    if (HANDLER_ATTR.test(html.replace(SCRIPT, ""))) problems.push(`${rel}: an inline event-handler attribute (on…=) is left`);
    if (/javascript:/i.test(html.replace(SCRIPT, ""))) problems.push(`${rel}: a javascript: URL is left`);
    writeFileSync(file, html);
  }
  replaceHtl(dist);
  writeFileSync(join(dist, "_headers"), headersFile());
  for (const f of unhashedCachedFiles(dist)) problems.push(`${f.slice(1)}: cached for a year by dist/_headers, but its name has no content hash`);
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops the folders starting with "_".
  writeFileSync(join(dist, ".nojekyll"), "");
  return {pages: pages.length, scriptsMoved, problems};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {pages, scriptsMoved, problems} = postbuild();
  if (problems.length) {
    console.error(`postbuild: the build is not publishable:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.error(`postbuild: ${pages} pages, ${scriptsMoved} inline scripts moved to files, dist/_headers written`);
}
