/** The import graph of src/: no import circle, and the model imports nothing from the UI layers. */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, test} from "vitest";

const SRC = resolve(import.meta.dirname, "..", "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** Relative imports of a module (type-only imports included: they still tie modules together). */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)) {
    const spec = m[1];
    if (spec) out.push(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
  }
  return out;
}

const graph = new Map(files(SRC).map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(SRC, f);

describe("import graph", () => {
  test("every relative import inside src/ resolves to a file", () => {
    const missing = [...graph].flatMap(([f, deps]) => deps.filter((d) => d.startsWith(SRC) && !graph.has(d)).map((d) => `${rel(f)} → ${rel(d)}`));
    expect(missing).toEqual([]);
  });

  test("there is no import circle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === "open") cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(" → "));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  test("src/model imports nothing from src/explorer or src/components", () => {
    const bad = [...graph].filter(([f]) => rel(f).startsWith("model/")).flatMap(([f, deps]) => deps.filter((d) => /^(explorer|components)\//.test(rel(d))).map((d) => `${rel(f)} → ${rel(d)}`));
    expect(bad).toEqual([]);
  });

  test("the detector finds a circle when there is one", () => {
    // controls → series → session: a back edge session → controls would be a circle.
    const controls = join(SRC, "explorer", "controls.ts");
    const session = join(SRC, "explorer", "session.ts");
    const reach = (from: string, to: string, seen = new Set<string>()): boolean => from === to || (!seen.has(from) && (seen.add(from), (graph.get(from) ?? []).some((d) => reach(d, to, seen))));
    expect(reach(controls, session)).toBe(true);
    expect(reach(session, controls)).toBe(false);
  });
});
