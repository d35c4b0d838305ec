/**
 * Prints the top functions by self time of a .cpuprofile (V8 CPU profile JSON), as a share of the
 * busy samples (idle time and Node's module loading left out).
 */
import {readFileSync} from "node:fs";

interface Node {
  id: number;
  callFrame: {functionName: string; url: string; lineNumber: number};
  hitCount?: number;
}
const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]");
const top = Number(process.argv[3] ?? 15);
const profile = JSON.parse(readFileSync(file, "utf8")) as {nodes: Node[]; samples: number[]; timeDeltas: number[]};
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
let total = 0;
for (const [id, c] of counts) {
  const n = byId.get(id)!;
  const f = n.callFrame;
  const url = f.url.replace(/^.*\/(src|bench|loaders|node_modules)\//, "$1/");
  const key = `${f.functionName || "(anonymous)"} ${url ? url : ""}`.trim();
  if (f.functionName === "(idle)" || f.functionName === "(program)" || url.startsWith("node:")) continue;
  self.set(key, (self.get(key) ?? 0) + c);
  total += c;
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
console.log(`| self % | function |\n|---:|---|`);
for (const [k, c] of rows) console.log(`| ${((100 * c) / total).toFixed(1)} | ${k} |`);
