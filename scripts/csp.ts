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

/** The `_headers` file (Netlify, Cloudflare Pages) for the built site. */
export function headersFile(): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
  return `/*\n${lines.join("\n")}\n`;
}
