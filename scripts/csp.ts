/**
 * The Content-Security-Policy the built site runs under, written to `dist/_headers` by
 * scripts/postbuild.ts and quoted in docs/deploy.md (a unit test keeps the two equal).
 *
 * - Scripts: only files from the site itself. The build has no inline scripts (postbuild moves them
 *   into files) and no inline event-handler attributes, so neither 'unsafe-inline' nor hashes nor
 *   `script-src-attr` are needed.
 * - Styles: Plot writes a `<style>` element and `style` attributes into every chart, so styles need
 *   'unsafe-inline' (styles cannot run code).
 * - Images: the empty favicon is a `data:` URL.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'"
];

export const CSP = CSP_DIRECTIVES.join("; ");

/** Security headers for every response (besides the CSP). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer"
};

/**
 * Files whose names carry a hash of their content: Framework's `_file/`, `_import/`, `_node/`, `_npm/`
 * and `_observablehq/` folders and the scripts postbuild moves out of the pages (`inline-<hash>.js`).
 * A new build gives changed files new names, so a browser may keep these for a year without asking
 * again; pages themselves are not cached this way. postbuild fails when a file in these places has no
 * hash in its name.
 */
export const IMMUTABLE_PREFIXES: readonly string[] = ["/_file/", "/_import/", "/_node/", "/_npm/", "/_observablehq/", "/inline-"];
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** A content hash in a file name as Framework (`name.0123abcd.ext`) and postbuild (`inline-<16 hex>.js`) write it. */
const HASHED_NAME = /(\.[0-9a-f]{8}\.[a-z0-9]+|^inline-[0-9a-f]{16}\.js)$/;

/** True when `path` (below the site's base, starting with "/") is a content-hashed file that may be cached for a year. */
export function isImmutablePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return IMMUTABLE_PREFIXES.some((p) => path.startsWith(p)) && HASHED_NAME.test(name);
}

/** The `_headers` file (Netlify, Cloudflare Pages) for the built site: security headers everywhere, long caching of hashed files. */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  const cache = IMMUTABLE_PREFIXES.map((p) => `${p}*\n  Cache-Control: ${IMMUTABLE_CACHE_CONTROL}\n`);
  return `/*\n${lines.join("\n")}\n${cache.join("")}`;
}
