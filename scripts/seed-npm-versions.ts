/**
 * Pre-build step: makes `observable build` resolve every `npm:` specifier offline.
 *
 * Framework 1.13 bundles `/_observablehq/client.js`, whose source holds dynamic imports for its
 * implicit libraries (`import("npm:react-dom")` for JSX, `npm:d3`, `npm:@observablehq/plot`, … in
 * client/main.js and stdlib). Rollup resolves those while bundling, through `resolveNpmVersion` in
 * node_modules/@observablehq/framework/dist/npm.js, which asks registry.npmjs.org for "latest" unless
 * the version cache — the directory names under `src/.observablehq/cache/_npm/` — already holds a
 * version. The imports are never executed by this site (pages import every library from
 * node_modules), but without network the lookup fails the build, and with network the bundle depends
 * on whatever "latest" is that day.
 *
 * This step creates the cache directories `_npm/<name>@<version>/` (empty) before the build: the
 * version of the installed package in node_modules when there is one, otherwise the pinned version
 * below. The build then makes no registry request and its output does not change with the registry.
 */
import {existsSync, mkdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * Every name Framework 1.13.4's client and stdlib bundles look up, with the version used when the
 * package is not installed (the versions the registry answered for "latest" when this was written).
 */
export const NPM_SPECIFIERS: Readonly<Record<string, string>> = {
  "react-dom": "19.3.1",
  react: "19.3.1",
  "@observablehq/sample-datasets": "1.0.1",
  lodash: "4.18.1",
  arquero: "8.0.3",
  "apache-arrow": "21.2.0",
  d3: "7.9.2",
  "d3-dsv": "3.0.2",
  echarts: "6.1.0",
  htl: "0.3.1",
  leaflet: "1.9.4",
  "mapbox-gl": "3.32.0",
  "@observablehq/plot": "0.6.17",
  "topojson-client": "3.1.0",
  "parquet-wasm": "0.8.0"
};

/** The installed version of `name` in node_modules, or null. */
export function installedVersion(name: string, root = ROOT): string | null {
  const file = join(root, "node_modules", name, "package.json");
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, "utf8")) as {version: string}).version;
}

/** Creates the version-cache directories; returns the `name@version` entries. */
export function seedNpmVersions(root = ROOT, srcRoot = "src"): string[] {
  const cache = join(root, srcRoot, ".observablehq", "cache", "_npm");
  return Object.entries(NPM_SPECIFIERS).map(([name, pinned]) => {
    const entry = `${name}@${installedVersion(name, root) ?? pinned}`;
    mkdirSync(join(cache, entry), {recursive: true});
    return entry;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const entries = seedNpmVersions();
  console.error(`seed-npm-versions: ${entries.length} versions pinned for offline bundling`);
}
