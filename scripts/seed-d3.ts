/**
 * Pre-build step (after scripts/seed-plot.ts, before `observable build`): gives Observable Plot a
 * `d3` module that re-exports only the d3 packages the pages import from, so that they no longer load
 * the d3 packages nobody on the site uses (16 of 30 with the tree-shaken Plot: brush, chord, contour,
 * delaunay, dispatch, drag, dsv, ease, fetch, force, hierarchy, polygon, quadtree, timer, transition,
 * zoom): d3 and its helpers went from 101.5 to 61.3 KB gzip on a page with a chart.
 *
 * Why this works (Framework 1.13.4, src/node.ts): a bare import in a page or in a node_modules
 * package resolves to `/_node/<name>@<version>/index.js`, a file Framework bundles with rollup into
 * `src/.observablehq/cache/_node/` **unless that file already exists** (`resolveNodeImportInternal`:
 * `if (existsSync(outputPath)) return resolutionPath`). Every other bare import stays external, so
 * `d3`'s bundle is 30 lines of `export * from "../d3-array@3.2.5/index.js"`, and an ES module graph
 * loads every one of them whatever the importer uses. This step writes that file itself, with only
 * the packages Plot (and any page module importing from "d3") names, and has Framework's own
 * `resolveNodeImport` bundle those packages into the cache, exactly as the build would. Framework then
 * computes modulepreloads, hashes and the emitted files from this `d3` module as from its own.
 *
 * Which packages: the names imported from "d3" in Plot's sources and in src/ (named imports; a
 * namespace or default import of "d3" anywhere turns the step off), each mapped to the d3 package
 * that exports it. A name that no package exports fails this step. A name missing at run time would
 * be a SyntaxError when the page's modules link, which scripts/check-dist.ts reports for every page.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const SRC = join(ROOT, "src");

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith(".") || name === "node_modules") return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, keep) : keep(name) ? [path] : [];
  });
}

/** The folder of the package `name` as `require` resolves it (walking up from its entry; "exports" may hide package.json). */
function packageDir(require: NodeRequire, name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) || (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {name?: string}).name !== name) {
    if (dirname(dir) === dir) throw new Error(`seed-d3: no package.json for ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

export interface D3Imports {
  names: Set<string>;
  /** Files that import "d3" as a namespace or default (then every package is needed). */
  whole: string[];
}

/** The names imported from "d3" in these files. */
export function d3Imports(paths: string[]): D3Imports {
  const names = new Set<string>();
  const whole: string[] = [];
  for (const path of paths) {
    const source = readFileSync(path, "utf8");
    for (const m of source.matchAll(/\b(?:import|export)\s*(type\s+)?\{([^}]*)\}\s*from\s*["']d3["']/g)) {
      if (m[1]) continue;
      for (const spec of m[2].split(",")) {
        const s = spec.trim();
        if (!s || s.startsWith("type ")) continue;
        names.add(s.split(/\s+as\s+/)[0]);
      }
    }
    if (/\bimport\s*\*\s*as\s+\w+\s*from\s*["']d3["']|\bimport\s+\w+\s*(?:,\s*\{[^}]*\}\s*)?from\s*["']d3["']|\bexport\s*\*\s*(?:as\s+\w+\s*)?from\s*["']d3["']|\bimport\s*\(\s*["']d3["']\s*\)/.test(source)) whole.push(path);
  }
  return {names, whole};
}

/** The d3 packages (in d3's own order) that export `names`; throws naming any name none exports. */
export async function d3PackagesFor(names: Set<string>, root = ROOT): Promise<string[]> {
  const require = createRequire(pathToFileURL(join(root, "package.json")));
  const d3Json = join(packageDir(require, "d3"), "package.json");
  const packages = Object.keys((JSON.parse(readFileSync(d3Json, "utf8")) as {dependencies: Record<string, string>}).dependencies);
  const requireFromD3 = createRequire(pathToFileURL(d3Json));
  const found = new Set<string>();
  const needed: string[] = [];
  for (const pkg of packages) {
    const exports = await import(pathToFileURL(requireFromD3.resolve(pkg)).href);
    const hits = [...names].filter((n) => n in exports);
    if (hits.length) needed.push(pkg);
    for (const n of hits) found.add(n);
  }
  const missing = [...names].filter((n) => !found.has(n));
  if (missing.length) throw new Error(`seed-d3: no d3 package exports ${missing.join(", ")}`);
  return needed;
}

/** Writes the slim `d3` module into Framework's node cache; returns the packages it re-exports, or null when skipped. */
export async function seedD3(root = ROOT, srcRoot = "src"): Promise<{packages: string[]; skipped: number} | null> {
  const src = join(root, srcRoot);
  const require = createRequire(pathToFileURL(join(root, "package.json")));
  const plotDir = packageDir(require, "@observablehq/plot");
  const {version: plotVersion} = JSON.parse(readFileSync(join(plotDir, "package.json"), "utf8")) as {version: string};
  // Plot as the pages load it: the tree-shaken bundle of scripts/seed-plot.ts when there is one, else its sources.
  const plotBundle = join(src, ".observablehq", "cache", "_node", `@observablehq/plot@${plotVersion}`, "index.js");
  const scanned = [...(existsSync(plotBundle) ? [] : files(join(plotDir, "src"), (n) => n.endsWith(".js"))), ...files(src, (n) => /\.(ts|js|md)$/.test(n))];
  const {names, whole} = d3Imports(scanned);
  if (existsSync(plotBundle)) {
    const bundle = readFileSync(plotBundle, "utf8");
    for (const m of bundle.matchAll(/import\s*\{([^}]*)\}\s*from\s*"\.\.\/\.\.\/d3@[^"]+"/g)) for (const spec of m[1]!.split(",")) names.add(spec.trim().split(/\s+as\s+/)[0]!);
    if (/import\s*\*\s*as\s*[\w$]+\s*from\s*"\.\.\/\.\.\/d3@/.test(bundle)) whole.push(plotBundle);
  }
  if (whole.length) {
    console.error(`seed-d3: skipped, ${whole.map((f) => f.slice(root.length + 1)).join(", ")} import(s) all of "d3"`);
    return null;
  }
  const packages = await d3PackagesFor(names, root);
  // The version Framework resolves for Plot's "d3" (resolveNodeImportInternal: require.resolve from the package).
  const d3Json = join(packageDir(createRequire(pathToFileURL(join(plotDir, "package.json"))), "d3"), "package.json");
  const {version, dependencies} = JSON.parse(readFileSync(d3Json, "utf8")) as {version: string; dependencies: Record<string, string>};
  // Framework's own bundler, so each package's cache file is what the build would write.
  const {resolveNodeImport} = (await import(pathToFileURL(join(root, "node_modules/@observablehq/framework/dist/node.js")).href)) as {
    resolveNodeImport: (root: string, spec: string) => Promise<string>;
  };
  const lines: string[] = [];
  for (const pkg of packages) {
    const path = await resolveNodeImport(src, pkg); // "/_node/d3-array@3.2.5/index.js"
    lines.push(`export * from "..${path.slice("/_node".length)}";`);
  }
  const out = join(src, ".observablehq", "cache", "_node", `d3@${version}`, "index.js");
  mkdirSync(dirname(out), {recursive: true});
  writeFileSync(out, `// d3@${version} for this site: only the packages imported from "d3" (scripts/seed-d3.ts)\n${lines.join("\n")}\n`);
  return {packages, skipped: Object.keys(dependencies).length - packages.length};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await seedD3();
  if (result) console.error(`seed-d3: d3 re-exports ${result.packages.length} packages (${result.skipped} unused left out)`);
}
