/**
 * `npm run test:build-offline`: builds the site twice in a network namespace without network and
 * checks that
 *  - the build succeeds with no network at all (any request would fail: there is no route out);
 *  - Framework printed no npm version lookup (`npm:<name>@<range> →`), i.e. 0 registry requests;
 *  - the two builds are byte-identical (every file in dist/, compared by SHA-256).
 *
 * The namespace comes from `unshare -n` (root only; loopback is brought up so check-dist can serve
 * dist/ to Chromium on 127.0.0.1). Without root or unshare the script says why it skipped the network
 * isolation and runs the two builds with the network the machine has, still checking the log and the
 * byte-identity.
 */
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const DIST = join(ROOT, "dist");

/** Why the build cannot be isolated from the network here, or null when it can. */
export function isolationUnavailable(): string | null {
  if (process.getuid?.() !== 0) return "not running as root (unshare -n needs root)";
  const probe = spawnSync("unshare", ["-n", "true"], {encoding: "utf8"});
  if (probe.error || probe.status !== 0) return `unshare -n does not work here (${probe.error?.message ?? probe.stderr.trim()})`;
  return null;
}

/** Framework's npm version lookups in a build log (`npm:d3@latest →`). */
export function npmLookups(log: string): string[] {
  return log.match(/npm:[^\s]+@[^\s]+ →/g) ?? [];
}

/** SHA-256 of every file under `dir`, keyed by relative path. */
export function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return out;
}

/**
 * One build. `check` false skips scripts/check-dist.ts (CHECK_DIST=skip): the second build only has to
 * be byte-identical to the first, whose output check-dist has already checked.
 */
function build(isolated: boolean, check: boolean): {ok: boolean; log: string; seconds: number} {
  const started = Date.now();
  const command = isolated ? ["unshare", ["-n", "sh", "-c", "ip link set lo up && npm run build"]] : ["npm", ["run", "build"]];
  const env = check ? process.env : {...process.env, CHECK_DIST: "skip"};
  const result = spawnSync(command[0] as string, command[1] as string[], {cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, env});
  return {ok: result.status === 0, log: `${result.stdout}\n${result.stderr}`, seconds: (Date.now() - started) / 1000};
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reason = isolationUnavailable();
  if (reason) console.error(`build-offline: SKIPPED the network isolation: ${reason}; building with the network this machine has`);
  const problems: string[] = [];
  const digests: Map<string, string>[] = [];
  for (const run of [1, 2]) {
    const {ok, log, seconds} = build(reason === null, run === 1);
    if (!ok) {
      console.error(log);
      console.error(`build-offline: build ${run} failed${reason === null ? " without network" : ""}`);
      process.exit(1);
    }
    const lookups = npmLookups(log);
    if (lookups.length) problems.push(`build ${run} looked up ${lookups.length} npm versions: ${lookups.join(", ")}`);
    digests.push(digest(DIST));
    console.error(`build-offline: build ${run} ${reason === null ? "without network" : "with network"} OK in ${seconds.toFixed(1)} s, ${lookups.length} npm lookups, ${digests[run - 1].size} files`);
  }
  const [a, b] = digests;
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
  if (differ.length) problems.push(`the two builds differ in ${differ.length} files: ${differ.slice(0, 10).join(", ")}`);
  if (problems.length) {
    console.error(`build-offline: FAILED\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.error(`build-offline: 0 network requests, two builds byte-identical (${a.size} files)`);
}
