/**
 * A minimal static file server for the built site in `dist/`, bound to 127.0.0.1. By default it
 * resolves clean URLs (`/instroom` → `instroom.html`) like hosts that rewrite; with `rewrite: false` it
 * behaves like a plain file server (`python3 -m http.server`, object storage): only exact files and
 * `folder/` → `folder/index.html`. `base` serves the site under a subpath (`/verkenner/`, like a GitHub
 * Pages project site), `headers` adds response headers (the CSP test). Content-hashed files get
 * the year-long `Cache-Control` that `dist/_headers` gives them on a host. Refuses paths outside `dist/`.
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {IMMUTABLE_CACHE_CONTROL, isImmutablePath} from "./csp.js";

export const DIST = resolve(fileURLToPath(new URL("..", import.meta.url)), "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".woff2": "font/woff2"
};

export interface ServerOptions {
  /** Resolve clean URLs (`/x` → `x.html`). Default true. */
  rewrite?: boolean;
  /** Path prefix the site is served under, starting and ending with "/". Default "/". */
  base?: string;
  /** Extra headers on every response. */
  headers?: Readonly<Record<string, string>>;
}

/** Maps a URL path (below the base) to a file in dist/, or null when there is none. */
export function resolvePath(urlPath: string, root = DIST, rewrite = true): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const clean = normalize(decoded).replace(/^(\.\.[/\\])+/, "");
  const candidates = rewrite
    ? [join(root, clean), join(root, clean + ".html"), join(root, clean, "index.html")]
    : [clean.endsWith("/") ? join(root, clean, "index.html") : join(root, clean)];
  for (const file of candidates) {
    if (!file.startsWith(root)) return null;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Starts the server; port 0 picks a free port. Resolves with the server and its base URL (no trailing slash). */
export function startServer(port = 0, root = DIST, options: ServerOptions = {}): Promise<{server: Server; url: string}> {
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root}/index.html is missing: run "npm run build" first.`);
  }
  const {rewrite = true, base = "/", headers = {}} = options;
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const file = url.startsWith(base) ? resolvePath("/" + url.slice(base.length), root, rewrite) : null;
    if (!file) {
      const notFound = join(root, "404.html");
      res.writeHead(404, {...headers, "content-type": TYPES[".html"]});
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("Niet gevonden");
      return;
    }
    // Like a host that reads dist/_headers: content-hashed files are cached for a year, pages are not.
    const path = "/" + url.slice(base.length).split("?")[0];
    const cache: Record<string, string> = isImmutablePath(path) ? {"cache-control": IMMUTABLE_CACHE_CONTROL} : {};
    res.writeHead(200, {...headers, ...cache, "content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolvePromise({server, url: `http://127.0.0.1:${actual}${base.replace(/\/$/, "")}`});
    });
  });
}
