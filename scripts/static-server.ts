/**
 * A minimal static file server for the built site in `dist/`, bound to 127.0.0.1. Resolves Framework's
 * clean URLs (`/instroom` → `instroom.html`) and refuses paths outside `dist/`.
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve} from "node:path";
import {fileURLToPath} from "node:url";

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

/** Maps a URL path to a file in dist/, or null when there is none. */
export function resolvePath(urlPath: string, root = DIST): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split("?")[0].split("#")[0])).replace(/^(\.\.[/\\])+/, "");
  const candidates = [join(root, clean), join(root, clean + ".html"), join(root, clean, "index.html")];
  for (const file of candidates) {
    if (!file.startsWith(root)) return null;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Starts the server; port 0 picks a free port. Resolves with the server and its base URL. */
export function startServer(port = 0, root = DIST): Promise<{server: Server; url: string}> {
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root}/index.html is missing: run "npm run build" first.`);
  }
  const server = createServer((req, res) => {
    const file = resolvePath(req.url ?? "/", root);
    if (!file) {
      const notFound = join(root, "404.html");
      res.writeHead(404, {"content-type": TYPES[".html"]});
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("Niet gevonden");
      return;
    }
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream"});
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolvePromise({server, url: `http://127.0.0.1:${actual}`});
    });
  });
}
