import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";

const SRC = join(import.meta.dirname, "..", "..", "src");
const read = (dir: string, ext: string) =>
  readdirSync(join(SRC, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => ({file: `${dir}/${f}`, text: readFileSync(join(SRC, dir, f), "utf8")}));

describe("project conventions", () => {
  test("charts render through plotChart (which applies the accessibility fixes), never Plot.plot directly", () => {
    const offenders = read("components", ".ts").filter((f) => f.file !== "components/plot.ts" && /\bPlot\.plot\(/.test(f.text));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  test("pages never import from the CDN (npm: specifiers) and import every library they use explicitly", () => {
    for (const {file, text} of read(".", ".md")) {
      expect(text, file).not.toMatch(/from\s+["']npm:/);
      for (const lib of ["Plot", "d3", "Inputs", "aq"]) {
        if (new RegExp(`\\b${lib}\\.`).test(text)) expect(text, `${file} uses ${lib}`).toMatch(new RegExp(`import \\* as ${lib} from`));
      }
      if (/\bhtml`/.test(text)) expect(text, `${file} uses html`).toMatch(/import \{html\} from "htl"/);
    }
  });

  test("the model stays free of the DOM, Node APIs and Framework imports", () => {
    for (const {file, text} of read("model", ".ts")) {
      expect(text, file).not.toMatch(/\bdocument\.|\bwindow\.|from "node:|from "fs"|FileAttachment|observablehq/);
    }
  });
});
