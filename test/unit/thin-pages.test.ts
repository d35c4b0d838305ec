/** Pages are short reports: at most 35% of a page's characters are JavaScript in code fences (scenario pages and the report pages notitie, toekenning, europa, spreiding, begrippen). */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";

const SRC = join(import.meta.dirname, "..", "..", "src");
const PAGES = ["index", "instroom", "ind", "opvang", "uitstroom", "nareis", "maatregelen", "vergelijken", "bronnen", "notitie", "toekenning", "europa", "spreiding", "begrippen"];

/** Share of a Markdown page's characters inside ```js fences (fence lines included). */
export function jsShare(text: string): number {
  const fenced = [...text.matchAll(/```js\n[\s\S]*?\n```/g)].reduce((n, m) => n + m[0].length, 0);
  return fenced / text.length;
}

describe("thin pages", () => {
  test("jsShare counts fenced code only", () => {
    expect(jsShare("ab\n```js\nx\n```\n")).toBeCloseTo(11 / 15, 9);
    expect(jsShare("no code ${x}")).toBe(0);
  });

  for (const page of PAGES) {
    test(`${page}.md is at most 35% JavaScript and keeps no window.__renderTick`, () => {
      const text = readFileSync(join(SRC, `${page}.md`), "utf8");
      expect(jsShare(text)).toBeLessThanOrEqual(0.35);
      expect(text).not.toContain("__renderTick");
    });
  }
});

describe("preloaded model inputs", () => {
  const PRELOAD = '<link rel="preload" href="./data/model-inputs.json" as="fetch" crossorigin="anonymous">';
  const pages = readdirSync(SRC).filter((f) => f.endsWith(".md"));

  test("a page preloads the model inputs exactly when it loads them (an unused preload makes Chromium warn)", () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const text = readFileSync(join(SRC, page), "utf8");
      const loads = text.includes('FileAttachment("data/model-inputs.json")');
      expect(text.split(PRELOAD).length - 1, page).toBe(loads ? 1 : 0);
    }
  });
});
