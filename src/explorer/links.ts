/**
 * Scenario-carrying links. The URL is the single source of truth for the scenario, so every internal
 * link (Framework's sidebar, the chain diagram, links in the text, search results) must carry the
 * current scenario's search string. `carryScenario` is the pure rule; `propagateLinks` applies it to
 * the page's anchors, and `installLinkPropagation` re-applies it on every click (search results and
 * other anchors added later) and whenever the scenario changes (`writeUrl` calls `replaceSearchSoon`:
 * the URL and the links follow once the input rests; a click, a page hide or a permalink read writes a
 * pending URL at once).
 * Works with clean URLs (`/ind`), `.html` URLs (`/ind.html`) and under a subpath.
 */

/** The URL keys that make up a scenario (src/model/scenario.ts; `t` is the forecast origin, `x` baseline measures switched off). */
export const SCENARIO_KEYS = ["p", "o", "m", "x", "s", "e", "f", "t", "v", "d"] as const;

/** The part of a search string that describes the scenario ("?p=…&o=…"); "" when there is none. */
export function scenarioSearch(search: string): string {
  const q = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const out = new URLSearchParams();
  for (const key of SCENARIO_KEYS) {
    const value = q.get(key);
    if (value !== null) out.set(key, value);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** True for a path that is a page of the site (no file extension, or .html), not an asset under `/_…/`. */
export function isPagePath(pathname: string): boolean {
  if (/\/_[^/]*\//.test(pathname)) return false;
  const last = pathname.split("/").pop() ?? "";
  return !/\.[a-z0-9]+$/i.test(last) || /\.html$/i.test(last);
}

/**
 * The href that `href` (as written in the page, relative or absolute) should have on a page at
 * `pageUrl` whose scenario is `search`, or null when the link must be left alone: another origin, an
 * asset or download, a link to a section of the same page, or a link whose query holds more than a
 * scenario (a comparison pair `?a=…&b=…`). A link that already carries a scenario gets the current one.
 */
export function carryScenario(href: string, pageUrl: string, search: string): string | null {
  const target = linkTarget(href, pageUrl);
  return target && target.path + scenarioSearch(search) + target.hash;
}

/**
 * The part of carryScenario that depends on the link alone: the path the link keeps (relative when it
 * was) and its hash, or null for a link left alone.
 */
export function linkTarget(href: string, pageUrl: string): {path: string; hash: string} | null {
  if (href === "" || href.startsWith("#") || /^(mailto|tel|javascript|data|blob):/i.test(href)) return null;
  let target: URL;
  let page: URL;
  try {
    page = new URL(pageUrl);
    target = new URL(href, page);
  } catch {
    return null;
  }
  if (target.origin !== page.origin || !isPagePath(target.pathname)) return null;
  for (const key of target.searchParams.keys()) if (!(SCENARIO_KEYS as readonly string[]).includes(key)) return null;
  // Keep the link relative when it was: Framework writes sidebar links relative to the page.
  const absolute = /^[a-z]+:\/\//i.test(href) || href.startsWith("//");
  const path = withHtml(absolute ? `${target.origin}${target.pathname}` : href.replace(/[?#].*$/, ""));
  return {path, hash: target.hash};
}

/**
 * Page links end in ".html": the build writes every page as a file (`/ind.html`), which any static
 * host serves without rewriting (docs/deploy.md); a folder link ("./", "../") is left as it is.
 */
export function withHtml(path: string): string {
  const last = path.split("/").pop() ?? "";
  if (last === "" || last === "." || last === ".." || /\.[a-z0-9]+$/i.test(last)) return path;
  return `${path}.html`;
}

const ORIGINAL = "scenarioHref";

/** The search string the page's URL gets once the input rests (replaceSearchSoon), or null. */
let pendingSearch: string | null = null;

/** The page's scenario search: the one about to be written into the URL, else the URL's own. */
export function currentSearch(): string {
  return pendingSearch ?? window.location.search;
}

/** The URL and the links follow the scenario once no change has come for this long (ms): the input rests. */
export const URL_QUIET_MS = 120;
let restTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Gives the page's URL the search `search` (no navigation, no history entry), and the page's links
 * the scenario, once no change has come for URL_QUIET_MS: during a drag, once at its end. Meanwhile
 * `currentSearch()` is the page's scenario and `<html data-url="pending">` says a write is due (for
 * tests and tools). Chromium's history.replaceState took 1–5 ms of a move on the way to its paint, and
 * after the paint up to 21 ms (a same-document navigation through the browser process), which a next
 * move then waited for; rewriting ~100 links took 1–4 ms more.
 */
export function replaceSearchSoon(search: string): void {
  pendingSearch = search;
  if (typeof window === "undefined") return;
  document.documentElement.dataset.url = "pending";
  if (restTimer !== null) clearTimeout(restTimer);
  restTimer = setTimeout(() => {
    restTimer = null;
    flushSearch();
    propagateLinks();
  }, URL_QUIET_MS);
}

/** Writes a pending search into the URL now (before a link is followed, a permalink is read, the page is left). */
export function flushSearch(): void {
  const search = pendingSearch;
  if (search === null || typeof window === "undefined") return;
  pendingSearch = null;
  if (search !== window.location.search) window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
  delete document.documentElement.dataset.url;
}

/** Rewrites every internal anchor under `root` to carry the scenario in `search` (default: the page's). */
export function propagateLinks(root: ParentNode = document, search: string = currentSearch()): void {
  const carried = scenarioSearch(search);
  for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>("a[href]"))) rewrite(a, carried);
}

/**
 * linkTarget per link and page (a slider move rewrites the page's ~100 links after every paint; parsing
 * each as a URL took ~4 ms a move on /ind). The page's path never changes while the page is open.
 */
const targets = new Map<string, {path: string; hash: string} | null>();
function cachedTarget(href: string): {path: string; hash: string} | null {
  const pageUrl = window.location.origin + window.location.pathname;
  const key = `${href}\u0000${pageUrl}`;
  let target = targets.get(key);
  if (target === undefined) {
    target = linkTarget(href, pageUrl);
    if (targets.size > 2000) targets.clear();
    targets.set(key, target);
  }
  return target;
}

/** Gives `a` its link with the scenario `carried` (a scenarioSearch). */
function rewrite(a: HTMLAnchorElement, carried: string): void {
  if (a.hasAttribute("download")) return;
  const original = a.dataset[ORIGINAL] ?? a.getAttribute("href") ?? "";
  const target = cachedTarget(original);
  if (target === null) return;
  const next = target.path + carried + target.hash;
  a.dataset[ORIGINAL] = original;
  if (a.getAttribute("href") !== next) a.setAttribute("href", next);
}

let installed = false;

/** Once per page: rewrite links now, on every click (capture phase, before navigation) and when anchors are added. */
export function installLinkPropagation(): void {
  if (installed || typeof document === "undefined") return;
  installed = true;
  propagateLinks();
  document.addEventListener(
    "click",
    (event) => {
      const a = (event.target as Element | null)?.closest?.("a[href]");
      if (a instanceof HTMLAnchorElement) {
        flushSearch();
        rewrite(a, scenarioSearch(window.location.search));
      }
    },
    true
  );
  // a reload, or the page kept in the back-forward cache, has the newest scenario in its URL
  window.addEventListener("pagehide", flushSearch);
  new MutationObserver((records) => {
    for (const r of records) for (const node of Array.from(r.addedNodes)) if (node instanceof Element) {
      if (node instanceof HTMLAnchorElement) rewrite(node, scenarioSearch(currentSearch()));
      else propagateLinks(node);
    }
  }).observe(document.body, {childList: true, subtree: true});
}
