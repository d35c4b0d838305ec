/**
 * The page-weight count (scripts/page-weight.ts) on a small built site, the budget message, and the
 * scans that decide which parts of Plot and d3 the pages get (scripts/seed-plot.ts, scripts/seed-d3.ts).
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {describe, expect, test} from "vitest";
import {budgetProblems, pageWeight, PAGE_BUDGET_BYTES, type PageWeight} from "../../scripts/page-weight.js";
import {d3Imports, d3PackagesFor} from "../../scripts/seed-d3.js";
import {plotUses} from "../../scripts/seed-plot.js";

function site(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), "weight-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), {recursive: true});
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

describe("page weight of a built page", () => {
  const dist = site({
    "a.html": `<html><head><link rel="stylesheet" type="text/css" href="./_import/style.css"><link rel="modulepreload" href="./_import/page.js"><link rel="icon" href="data:,"><link rel="preload" as="style" href="./_import/style.css">
<script type="module" src="./inline-0123456789abcdef.js"></script><script src="https://example.org/x.js"></script></head><body></body></html>`,
    "_import/style.css": "body{color:red}",
    "inline-0123456789abcdef.js": `import {define} from "./_import/page.js";\nregisterFile("./data/x.json", {"name":"./data/x.json","mimeType":"application/json","path":"./_file/data/x.1234.json","lastModified":0,"size":10});\n`,
    "_import/page.js": `import {f} from "./lib.js";\nexport {g} from "./re.js";\nexport const lazy = () => import("./section.js");\nexport const w = new Worker(import.meta.resolve("./worker.js"), {type: "module"});\nexport const define = 1;\n`,
    "_import/lib.js": `export const f = "${"x".repeat(2000)}";\n`,
    "_import/re.js": "export const g = 1;\n",
    "_import/section.js": `import {f} from "./lib.js";\nimport {h} from "./section-dep.js";\nexport const s = f + h;\n`,
    "_import/section-dep.js": `export const h = "${"y".repeat(500)}";\n`,
    "_import/worker.js": `import {g} from "./re.js";\nimport "./worker-dep.js";\n`,
    "_import/worker-dep.js": "self.x = 1;\n",
    "_file/data/x.1234.json": JSON.stringify({a: [1, 2, 3]})
  });

  test("counts the stylesheets, preloads, scripts, their static imports and started workers; lists dynamic imports apart", async () => {
    const w = await pageWeight(join(dist, "a.html"), dist);
    expect(w.page).toBe("a.html");
    expect(w.code.map((f) => f.path).sort()).toEqual(["_import/lib.js", "_import/page.js", "_import/re.js", "_import/style.css", "_import/worker-dep.js", "_import/worker.js", "inline-0123456789abcdef.js"]);
    expect(w.lazy.map((f) => f.path).sort()).toEqual(["_import/section-dep.js", "_import/section.js"]);
    expect(w.data.map((f) => f.path)).toEqual(["_file/data/x.1234.json"]);
    for (let i = 1; i < w.code.length; i++) expect(w.code[i - 1]!.gzip).toBeGreaterThanOrEqual(w.code[i]!.gzip); // biggest first
    // a scenario page's data includes the precomputed band its default view fetches
    writeFileSync(join(dist, "ind.html"), readFileSync(join(dist, "a.html"), "utf8"));
    mkdirSync(join(dist, "data/bands/ind"), {recursive: true});
    writeFileSync(join(dist, "data/bands/ind/ongewijzigd.json"), JSON.stringify({p10: [1, 2, 3]}));
    expect((await pageWeight(join(dist, "ind.html"), dist)).data.map((f) => f.path).sort()).toEqual(["_file/data/x.1234.json", "data/bands/ind/ongewijzigd.json"]);
    expect(w.codeGzip).toBe(w.code.reduce((s, f) => s + f.gzip, 0));
    for (const f of w.code) expect(f.gzip).toBeGreaterThan(0);
  });
});

describe("budget", () => {
  const weight = (page: string, sizes: number[]): PageWeight => {
    const code = sizes.map((gzip, i) => ({path: `_import/m${i}.js`, raw: gzip * 3, gzip}));
    return {page, code, lazy: [], data: [], codeGzip: sizes.reduce((a, b) => a + b, 0), lazyGzip: 0, dataGzip: 0};
  };

  test("a page over 250 KB fails with its name and biggest modules; a page at the budget passes", () => {
    expect(PAGE_BUDGET_BYTES).toBe(250 * 1024);
    const problems = budgetProblems([weight("ok.html", [250 * 1024]), weight("heavy.html", [200 * 1024, 40 * 1024, 20 * 1024])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^heavy\.html: 260\.0 KB of JS \+ CSS \(gzip\) at start, over the budget of 250\.0 KB; biggest: _import\/m0\.js 200\.0 KB, _import\/m1\.js 40\.0 KB/);
  });
});

describe("which parts of Plot the pages use", () => {
  test("Plot.<name> after a namespace import, and named imports; type-only imports do not count", () => {
    const {names, whole} = plotUses([
      {path: "a.ts", text: `import * as Plot from "@observablehq/plot";\n// Plot.raster in a comment\nconst marks = [Plot.dot(d), Plot.ruleY([0])];\nif (m instanceof Plot.Dot) Plot.plot({marks});\nconst o: Plot.PlotOptions = {};`},
      {path: "b.ts", text: `import {lineY, tip as t} from "@observablehq/plot";\nimport type {Markish} from "@observablehq/plot";`},
      {path: "c.ts", text: `const Plot = "no import here"; Plot.length;`}
    ]);
    expect([...names].sort()).toEqual(["Dot", "PlotOptions", "dot", "lineY", "plot", "ruleY", "tip"]);
    expect(whole).toEqual([]);
  });

  test("any use that needs all of Plot is reported", () => {
    const {whole} = plotUses([
      {path: "a.ts", text: `import * as Plot from "@observablehq/plot";\nconst mark = Plot[name];`},
      {path: "b.ts", text: `import * as P from "@observablehq/plot";\nrender(P);`},
      {path: "c.ts", text: `import Plot from "@observablehq/plot";`},
      {path: "d.ts", text: `export * from "@observablehq/plot";`},
      {path: "e.ts", text: `const P = await import("@observablehq/plot");`}
    ]);
    expect(whole.map((w) => w.split(":")[0])).toEqual(["a.ts", "b.ts", "c.ts", "d.ts", "e.ts"]);
  });
});

describe("which d3 packages the pages use", () => {
  test("names imported from d3, and whole-d3 imports", () => {
    const dir = mkdtempSync(join(tmpdir(), "d3-"));
    const a = join(dir, "a.js");
    const b = join(dir, "b.js");
    writeFileSync(a, `import {scaleLinear, max as m} from "d3";\nimport type {Selection} from "d3";\nexport {format} from "d3";`);
    writeFileSync(b, `import * as d3 from "d3";`);
    const r = d3Imports([a, b]);
    expect([...r.names].sort()).toEqual(["format", "max", "scaleLinear"]);
    expect(r.whole).toEqual([b]);
  });

  test("names map to the d3 packages that export them; an unknown name fails", async () => {
    expect(await d3PackagesFor(new Set(["scaleLinear", "max", "geoPath"]))).toEqual(["d3-array", "d3-geo", "d3-scale"]);
    await expect(d3PackagesFor(new Set(["notAD3Function"]))).rejects.toThrow(/notAD3Function/);
  });
});
