/**
 * Scenario-carrying links. The URL is the single source of truth for the scenario, so every internal
 * link (Framework's sidebar, the chain diagram, links in the text, search results) must carry the
 * current scenario's search string. `carryScenario` is the pure rule; `propagateLinks` applies it to
 * the page's anchors, and `installLinkPropagation` re-applies it on every click (search results and
 * other anchors added later) and whenever the scenario changes (`writeUrl` calls
 * `scheduleLinkPropagation`: once per frame at most, after the charts of a slider move are painted).
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
  const carried = scenarioSearch(search);
  // Keep the link relative when it was: Framework writes sidebar links relative to the page.
  const absolute = /^[a-z]+:\/\//i.test(href) || href.startsWith("//");
  const path = withHtml(absolute ? `${target.origin}${target.pathname}` : href.replace(/[?#].*$/, ""));
  return path + carried + target.hash;
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

/** Rewrites every internal anchor under `root` to carry the scenario in `search` (default: the page's). */
export function propagateLinks(root: ParentNode = document, search: string = window.location.search): void {
  for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>("a[href]"))) rewrite(a, search);
}

let scheduled = false;

/**
 * Propagates the page's scenario to its links after the next paint, once however often it is called
 * within a frame (a slider drag writes the URL on every input event).
 */
export function scheduleLinkPropagation(): void {
  if (scheduled || typeof window === "undefined") return;
  scheduled = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      scheduled = false;
      propagateLinks();
    }, 0)
  );
}

function rewrite(a: HTMLAnchorElement, search: string): void {
  if (a.hasAttribute("download")) return;
  const original = a.dataset[ORIGINAL] ?? a.getAttribute("href") ?? "";
  const next = carryScenario(original, window.location.href, search);
  if (next === null) return;
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
      if (a instanceof HTMLAnchorElement) rewrite(a, window.location.search);
    },
    true
  );
  new MutationObserver((records) => {
    for (const r of records) for (const node of Array.from(r.addedNodes)) if (node instanceof Element) {
      if (node instanceof HTMLAnchorElement) rewrite(node, window.location.search);
      else propagateLinks(node);
    }
  }).observe(document.body, {childList: true, subtree: true});
}
