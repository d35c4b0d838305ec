import {mkdtempSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {CSP, headersFile, IMMUTABLE_CACHE_CONTROL, isImmutablePath} from "../../scripts/csp.js";
import {cspSafeHtl} from "../../scripts/htl-csp.js";
import {npmLookups} from "../../scripts/offline-build.js";
import {NOTICE_TEXT, rewritePage, unhashedCachedFiles} from "../../scripts/postbuild.js";
import {NPM_SPECIFIERS, seedNpmVersions} from "../../scripts/seed-npm-versions.js";
import {resolvePath, startServer} from "../../scripts/static-server.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("post-build rewrite of a page", () => {
  const page = `<!DOCTYPE html><html><head><script>document.documentElement.lang = "nl";</script>
<script type="module">import {define} from "./_observablehq/client.js";
registerFile("./data/x.json", {"lastModified":1796309635780});</script></head><body><p>x</p>
<script>{const a=1;}</script></body></html>`;

  test("moves every inline script into a hashed file and keeps module scripts modules", () => {
    const written = new Map<string, string>();
    const {html, moved} = rewritePage(page, "./", 1700000000000, (n, t) => written.set(n, t));
    expect(moved).toBe(3);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const scripts = [...html.matchAll(/<script([^>]*)><\/script>/g)].map((m) => m[1]);
    expect(scripts.filter((s) => s.includes('type="module"') && s.includes("inline-"))).toHaveLength(1);
    for (const [name, text] of written) {
      expect(name).toMatch(/^inline-[0-9a-f]{16}\.js$/);
      expect(html).toContain(`src="./${name}"`);
      expect(page).toContain(text.replace(/"lastModified":\d+/, '"lastModified":1796309635780'));
    }
    expect([...written.values()].join()).toContain('"lastModified":1700000000000');
  });

  test("adds the Dutch notice right after <body> and the notice assets with the folder prefix", () => {
    const {html} = rewritePage(page, "../", 0, () => {});
    expect(html).toContain(`<body>\n<div id="av-script-notice" class="av-script-notice" role="alert">${NOTICE_TEXT}</div>`);
    expect(html).toContain('href="../_publish/notice.css"');
    expect(html).toContain('src="../_publish/ready.js"');
  });

  test("identical input gives identical output (reproducible builds)", () => {
    const a = rewritePage(page, "./", 5, () => {}).html;
    const b = rewritePage(page, "./", 5, () => {}).html;
    expect(a).toBe(b);
  });
});

describe("the policy", () => {
  test("docs/deploy.md quotes exactly the policy the build writes", () => {
    const docs = readFileSync(join(ROOT, "docs", "deploy.md"), "utf8");
    expect(docs).toContain(`Content-Security-Policy: ${CSP}\n`);
    expect(docs.split(CSP).length - 1).toBeGreaterThanOrEqual(3); // _headers block, nginx, Apache
    expect(headersFile()).toContain(`  Content-Security-Policy: ${CSP}`);
  });

  test("the CSP-safe htl writes no on… attribute into the HTML it parses", () => {
    const {code} = cspSafeHtl(ROOT);
    expect(code).toContain("data-htl-");
    expect(code).toMatch(/export\s*\{[^}]*\bhtml\b[^}]*\}/);
  });
});

describe("static server path resolution", () => {
  const root = mkdtempSync(join(tmpdir(), "publish-"));
  writeFileSync(join(root, "index.html"), "i");
  writeFileSync(join(root, "ind.html"), "x");
  mkdirSync(join(root, "sub"));
  writeFileSync(join(root, "sub", "index.html"), "s");

  test("with rewriting, clean URLs resolve", () => {
    expect(resolvePath("/ind", root)).toBe(join(root, "ind.html"));
    expect(resolvePath("/sub", root)).toBe(join(root, "sub", "index.html"));
  });

  test("without rewriting, like a plain file server, only exact files and folder/ resolve", () => {
    expect(resolvePath("/ind", root, false)).toBeNull();
    expect(resolvePath("/ind.html?p=1", root, false)).toBe(join(root, "ind.html"));
    expect(resolvePath("/sub/", root, false)).toBe(join(root, "sub", "index.html"));
    expect(resolvePath("/../etc/passwd", root, false)).toBeNull();
    expect(resolvePath("/%E0%A4%A", root, false)).toBeNull();
  });
});

describe("caching of content-hashed files", () => {
  test("hashed files in Framework's folders and moved inline scripts are immutable; pages and unhashed files are not", () => {
    expect(isImmutablePath("/_import/explorer/page.077b46ab.js")).toBe(true);
    expect(isImmutablePath("/_file/data/model-inputs.3d90e84b.json")).toBe(true);
    expect(isImmutablePath("/_node/d3-array@3.2.5/index.8fbc5974.js")).toBe(true);
    expect(isImmutablePath("/inline-0807d22807f342c7.js")).toBe(true);
    expect(isImmutablePath("/ind.html")).toBe(false);
    expect(isImmutablePath("/_publish/notice.js")).toBe(false);
    expect(isImmutablePath("/_import/explorer/page.js")).toBe(false);
    expect(isImmutablePath("/sub/inline-0807d22807f342c7.js")).toBe(false);
    expect(isImmutablePath("/inline-0807d2.js")).toBe(false);
  });

  test("_headers caches every hashed folder for a year, after the security headers for all paths", () => {
    const file = headersFile();
    expect(file.startsWith("/*\n  Content-Security-Policy:")).toBe(true);
    for (const p of ["/_file/*", "/_import/*", "/_node/*", "/_observablehq/*", "/inline-*"]) {
      expect(file).toContain(`${p}\n  Cache-Control: ${IMMUTABLE_CACHE_CONTROL}\n`);
    }
  });

  test("postbuild names a file in a cached folder whose name has no hash", () => {
    const root = mkdtempSync(join(tmpdir(), "cache-"));
    mkdirSync(join(root, "_import", "x"), {recursive: true});
    writeFileSync(join(root, "_import", "x", "a.0123abcd.js"), "");
    writeFileSync(join(root, "_import", "x", "b.js"), "");
    writeFileSync(join(root, "ind.html"), "");
    expect(unhashedCachedFiles(root)).toEqual(["/_import/x/b.js"]);
  });

  test("the static server sends the year-long Cache-Control for hashed files only, also under a subpath", async () => {
    const root = mkdtempSync(join(tmpdir(), "serve-"));
    mkdirSync(join(root, "_import"));
    writeFileSync(join(root, "index.html"), "i");
    writeFileSync(join(root, "_import", "a.0123abcd.js"), "x");
    for (const base of ["/", "/verkenner/"]) {
      const {server, url} = await startServer(0, root, {base});
      try {
        const hashed = await fetch(`${url}/_import/a.0123abcd.js?v=1`);
        expect(hashed.headers.get("cache-control")).toBe(IMMUTABLE_CACHE_CONTROL);
        const page = await fetch(`${url}/index.html`);
        expect(page.status).toBe(200);
        expect(page.headers.get("cache-control")).toBeNull();
      } finally {
        server.close();
      }
    }
  });
});

describe("offline build", () => {
  test("every npm: name Framework's client bundle looks up gets a cache entry", () => {
    const root = mkdtempSync(join(tmpdir(), "seed-"));
    const entries = seedNpmVersions(root, "src");
    expect(entries).toHaveLength(Object.keys(NPM_SPECIFIERS).length);
    for (const name of ["react-dom", "d3", "@observablehq/plot", "parquet-wasm"]) {
      expect(entries.some((e) => e.startsWith(`${name}@`))).toBe(true);
    }
  });

  test("the npm: names in Framework's client source are all seeded", () => {
    const client = readFileSync(join(ROOT, "node_modules", "@observablehq", "framework", "dist", "client", "main.js"), "utf8");
    const names = [...client.matchAll(/["']npm:((?:@[^/"']+\/)?[^/@"']+)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(Object.keys(NPM_SPECIFIERS), name).toContain(name);
  });

  test("npm lookups are found in a build log", () => {
    expect(npmLookups("bundle /_observablehq/client.js → npm:react-dom@latest → TypeError")).toEqual(["npm:react-dom@latest →"]);
    expect(npmLookups("index /bronnen\nbuild OK")).toEqual([]);
  });
});
