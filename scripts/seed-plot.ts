/**
 * Pre-build step (after scripts/seed-npm-versions.ts, before scripts/seed-d3.ts and `observable build`):
 * gives the pages an Observable Plot module with only the Plot functions the site uses, tree-shaken,
 * instead of all of Plot (~47 KB instead of ~68 KB gzip, and Plot then no longer needs d3-delaunay,
 * d3-contour and d3-hierarchy: ~37 KB less on every page with a chart).
 *
 * How (Framework 1.13.4, src/node.ts): a bare import such as `@observablehq/plot` resolves to
 * `/_node/@observablehq/plot@<version>/index.js`, which Framework bundles (rollup, one file per
 * package, every other package external) into `src/.observablehq/cache/_node/` **unless that file
 * already exists** (`resolveNodeImportInternal`). A package bundle cannot be tree-shaken by its
 * importers, so this step writes that file itself: esbuild bundles
 * `export {dot, line, …} from "@observablehq/plot"` with the options Framework uses (ES module,
 * browser, minified, es2022 / chrome96 / firefox96 / safari16), other packages left as imports of their
 * own `/_node/` files exactly as Framework writes them. Framework then hashes, preloads and emits it
 * like its own bundle, and its imports (d3, isoformat, interval-tree-1d) are resolved as usual.
 *
 * Which functions: every `Plot.<name>` used in src/ after `import * as Plot from "@observablehq/plot"`
 * (or a named import), kept when Plot exports it at run time (types drop out). Any other use — a
 * default import, `Plot[…]`, a re-export, a dynamic import, the namespace passed on as a value —
 * turns the step off (the build then bundles all of Plot, and the page-weight budget in
 * scripts/check-dist.ts says so). A function missing from the bundle would be `undefined` at run time:
 * the scan above is what prevents it, and check-dist renders every page in Chromium.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {build, type Plugin} from "esbuild";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const PLOT = "@observablehq/plot";

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith(".") || name === "node_modules") return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, keep) : keep(name) ? [path] : [];
  });
}

/** The folder of `name` as `require` resolves it (walking up from its entry; "exports" may hide package.json). */
export function packageDir(require: NodeRequire, name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) || (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {name?: string}).name !== name) {
    if (dirname(dir) === dir) throw new Error(`no package.json for ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

export interface PlotUses {
  /** Names used from Plot (types included; the caller keeps the run-time exports). */
  names: Set<string>;
  /** Uses that need all of Plot, as "file: why". */
  whole: string[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The names these sources use from Plot. */
export function plotUses(sources: {path: string; text: string}[]): PlotUses {
  const names = new Set<string>();
  const whole: string[] = [];
  const spec = `["']${esc(PLOT)}["']`;
  for (const {path, text} of sources) {
    if (!new RegExp(spec).test(text)) continue;
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
    for (const m of code.matchAll(new RegExp(`\\bimport\\s+(type\\s+)?\\{([^}]*)\\}\\s*from\\s*${spec}`, "g"))) {
      if (m[1]) continue;
      for (const s of m[2]!.split(",")) {
        const n = s.trim();
        if (n && !n.startsWith("type ")) names.add(n.split(/\s+as\s+/)[0]!);
      }
    }
    const namespaces = [...code.matchAll(new RegExp(`\\bimport\\s*\\*\\s*as\\s+([\\w$]+)\\s*from\\s*${spec}`, "g"))].map((m) => m[1]!);
    for (const ns of namespaces) {
      // every other occurrence of the namespace must be `Plot.<name>`
      for (const m of code.matchAll(new RegExp(`(?<![\\w$.])${esc(ns)}(?![\\w$])(\\s*\\.\\s*([\\w$]+))?`, "g"))) {
        if (m[2]) names.add(m[2]);
        else if (!new RegExp(`import\\s*\\*\\s*as\\s+$`).test(code.slice(Math.max(0, m.index! - 40), m.index!))) whole.push(`${path}: "${ns}" used other than as ${ns}.<name>`);
      }
    }
    if (new RegExp(`\\bimport\\s+[\\w$]+\\s*(,|from)[^;]*${spec}`).test(code)) whole.push(`${path}: default import of ${PLOT}`);
    if (new RegExp(`\\bexport\\b[^;]*from\\s*${spec}`).test(code)) whole.push(`${path}: re-exports ${PLOT}`);
    if (new RegExp(`\\bimport\\s*\\(\\s*${spec}`).test(code)) whole.push(`${path}: dynamic import of ${PLOT}`);
  }
  return {names, whole};
}

/** Bare imports inside the bundle become imports of their own Framework bundle, relative like Framework writes them. */
function externalPackages(root: string, out: string[]): Plugin {
  return {
    name: "framework-node-imports",
    setup(b) {
      b.onResolve({filter: /^[^./]/}, (args) => {
        // the entry's own import of Plot is bundled; only Plot's imports of other packages stay imports
        if (args.kind === "entry-point" || !args.importer || args.path === PLOT) return undefined;
        const m = /^(@[^/]+\/[^/]+|[^/]+)(\/.*)?$/.exec(args.path)!;
        if (m[2]) throw new Error(`seed-plot: subpath import ${args.path} in ${relative(root, args.importer)}`);
        const dir = packageDir(createRequire(pathToFileURL(args.importer)), m[1]!);
        const {version} = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {version: string};
        const target = `${m[1]}@${version}`;
        if (!out.includes(target)) out.push(target);
        // the Plot bundle lives at /_node/@observablehq/plot@x/index.js: two levels below /_node/
        return {path: `../../${target}/index.js`, external: true};
      });
    }
  };
}

/** Writes the tree-shaken Plot bundle into Framework's node cache; returns what it exports, or null when skipped. */
export async function seedPlot(root = ROOT, srcRoot = "src"): Promise<{exports: string[]; imports: string[]; sizeNote: string} | null> {
  const src = join(root, srcRoot);
  const sources = files(src, (n) => /\.(ts|js|md)$/.test(n)).map((path) => ({path: relative(root, path), text: readFileSync(path, "utf8")}));
  const {names, whole} = plotUses(sources);
  if (whole.length) {
    console.error(`seed-plot: skipped (all of Plot is bundled): ${whole.join("; ")}`);
    return null;
  }
  const require = createRequire(pathToFileURL(join(root, "package.json")));
  const dir = packageDir(require, PLOT);
  const {version} = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {version: string};
  const runtime = (await import(pathToFileURL(require.resolve(PLOT)).href)) as Record<string, unknown>;
  const exports = [...names].filter((n) => n in runtime).sort();
  const imports: string[] = [];
  const result = await build({
    stdin: {contents: `export {${exports.join(", ")}} from "${PLOT}";\n`, resolveDir: root, loader: "js", sourcefile: "plot-entry.js"},
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome96", "firefox96", "safari16", "node18"],
    define: {"process.env.NODE_ENV": JSON.stringify("production")},
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    plugins: [externalPackages(root, imports)]
  });
  const out = join(src, ".observablehq", "cache", "_node", `${PLOT}@${version}`, "index.js");
  mkdirSync(dirname(out), {recursive: true});
  writeFileSync(out, result.outputFiles[0]!.text);
  // The packages Plot imports are bundled by Framework as usual (d3 by scripts/seed-d3.ts).
  const {resolveNodeImport} = (await import(pathToFileURL(join(root, "node_modules/@observablehq/framework/dist/node.js")).href)) as {
    resolveNodeImport: (root: string, spec: string) => Promise<string>;
  };
  // the packages the tree-shaken bundle still imports (the plugin also saw imports esbuild then dropped)
  const used = imports.filter((t) => result.outputFiles[0]!.text.includes(`"../../${t}/index.js"`));
  for (const target of used) {
    const name = target.slice(0, target.lastIndexOf("@"));
    if (name === "d3") continue;
    const path = await resolveNodeImport(src, name);
    if (path !== `/_node/${target}/index.js`) throw new Error(`seed-plot: Plot imports ${target}, the site resolves ${path}`);
  }
  return {exports, imports: used, sizeNote: `${(result.outputFiles[0]!.contents.length / 1024).toFixed(0)} KB raw`};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await seedPlot();
  if (result) console.error(`seed-plot: Plot bundle with ${result.exports.length} functions (${result.exports.join(", ")}), ${result.sizeNote}; imports ${result.imports.join(", ")}`);
}
