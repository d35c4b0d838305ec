/**
 * Note-ready output: the exported SVG and PNG carry title, subtitle, legend, "gemodelleerd", source and
 * the wrapped permalink; the CSVs open in Dutch Excel (BOM, semicolons, decimal comma, units row) and the
 * full CSV holds the observations; the "Tabel" view shows the CSV's rows; the scenario brief prints on
 * exactly two A4 pages with the same key numbers as the pages.
 */
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {number, openPage, parseDutchNumber, screenshot} from "./harness.js";

const SCENARIO = "?o=capacity_emergency:30000&m=doorstroomlocaties~2026-01~1";

describe("exports of the chart frame", () => {
  test("SVG and PNG of 'Kosten per jaar' carry legend, subtitle, source and wrapped link", async () => {
    const {page, consoleErrors, close} = await openPage(`/opvang${SCENARIO}`);
    try {
      const frame = page.locator("figure.chart-frame", {has: page.getByRole("heading", {name: "Kosten per jaar"})});
      const save = async (label: RegExp) => {
        const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", {name: label}).click()]);
        return {name: download.suggestedFilename(), bytes: readFileSync((await download.path())!)};
      };
      const svgFile = await save(/^Download de grafiek als SVG/);
      expect(svgFile.name).toBe("kosten.svg");
      const svg = svgFile.bytes.toString("utf8");
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
      // Legend: both bar colours explained, as text outside the chart's own SVG.
      expect(texts).toEqual(expect.arrayContaining(["ongewijzigd beleid", "jouw scenario", "gemodelleerd", "Kosten per jaar"]));
      expect(texts.some((t) => /^Scenario: ongewijzigd beleid, aangepast/.test(t))).toBe(true);
      expect(texts.some((t) => /datastand \d+ \w+ \d{4}/.test(t) && /model versie \d+\.\d+\.\d+/.test(t))).toBe(true);
      expect(texts.some((t) => t.startsWith("Bron: Asielketen Verkenner"))).toBe(true);
      // The permalink is wrapped: no line wider than the image (10 px text, ≈5.6 px a character).
      const width = Number(/<svg[^>]*width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
      const linkLines = texts.slice(texts.findIndex((t) => t.startsWith("Link: ")));
      expect(linkLines.join("").replace(/^Link: /, "")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/opvang\?.*capacity_emergency%3A30000/);
      for (const line of linkLines) expect(line.length * 5.6).toBeLessThanOrEqual(width - 8);
      const png = (await save(/^Download de grafiek als PNG/)).bytes;
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // The PNG is the composed image (legend and link included): its height exceeds the chart's.
      const pngHeight = png.readUInt32BE(20) / 2;
      expect(pngHeight).toBeCloseTo(Number(/<svg[^>]*height="(\d+(?:\.\d+)?)"/.exec(svg)![1]), 0);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("CSVs open in Dutch Excel; the full CSV holds the observations; the Tabel view shows the rows", async () => {
    const {page, consoleErrors, close} = await openPage(`/opvang${SCENARIO}`);
    try {
      const frame = page.locator("figure.chart-frame").first();
      const save = async (label: RegExp) => {
        const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", {name: label}).click()]);
        return {name: download.suggestedFilename(), text: readFileSync((await download.path())!).toString("utf8")};
      };
      const shown = await save(/^Download CSV zoals getoond/);
      expect(shown.name).toBe("bezetting-coa.csv");
      expect(shown.text.startsWith("\ufeff")).toBe(true);
      const lines = shown.text.slice(1).split("\r\n");
      const header = lines[0].split(";");
      expect(header).toEqual(expect.arrayContaining(["maand", "bezetting COA — basis", "bezetting COA — jouw scenario", "bezetting COA — P10", "bezetting COA — P90"]));
      expect(header.join(" ")).not.toMatch(/_/);
      expect(lines[1].split(";")).toEqual(["jjjj-mm", ...header.slice(1).map(() => "personen")]);
      expect(lines[2]).toMatch(/^2022-01;\d+(,\d)?;/);
      expect(lines.some((l) => /;\d+,\d(;|$)/.test(l))).toBe(true); // decimal comma
      expect(shown.text).toMatch(/Link: http:\/\/127\.0\.0\.1:\d+\/opvang\?/);
      const full = await save(/^Download CSV volledig/);
      expect(full.name).toBe("bezetting-coa-volledig.csv");
      const observed = full.text.split("\r\n").filter((l) => l.includes(";waargenomen;"));
      expect(observed.length).toBeGreaterThan(3);
      // The Tabel view: same rows as the CSV "zoals getoond", Dutch numbers.
      const toggle = frame.getByRole("button", {name: /^Toon de gegevens als tabel/});
      await toggle.click();
      expect(await frame.locator("button.table-toggle").getAttribute("aria-expanded")).toBe("true");
      const table = frame.locator(".data-table table");
      const rows = await table.locator("tbody tr").count();
      const csvRows = lines.slice(2).filter((l) => /^\d{4}-\d{2};/.test(l));
      expect(rows).toBe(csvRows.length);
      const firstCsv = csvRows[0].split(";");
      const firstCells = await table.locator("tbody tr").first().locator("th, td").allInnerTexts();
      expect(firstCells[0]).toBe(firstCsv[0]);
      expect(parseDutchNumber(firstCells[1])).toBeCloseTo(Number(firstCsv[1].replace(",", ".")), 1);
      expect(firstCells[1]).toMatch(/^\d{1,3}(\.\d{3})*(,\d)?$/);
      await screenshot(page, "notes-tabel-opvang");
      await frame.getByRole("button", {name: /^Verberg tabel/}).click();
      expect(await frame.locator(".data-table").count()).toBe(0);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("scenario brief", () => {
  test("prints on exactly two A4 pages with the key numbers of the pages", async () => {
    const {page, consoleErrors, close} = await openPage(`/notitie${SCENARIO}`);
    try {
      const peak = await number(page, "piek-bezetting");
      const shortage = await number(page, "max-tekort");
      await screenshot(page, "notes-notitie");
      const pdf = await page.pdf({format: "A4", printBackground: true});
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length;
      console.log(`notitie PDF pages: ${pages}`);
      expect(pages).toBe(2);
      const text = await page.locator("#observablehq-main").innerText();
      expect(text).toContain("maatregel: Doorstroomlocaties voor vergunninghouders: vanaf januari 2026");
      expect(await page.locator(".notitie-effecten tbody tr").count()).toBe(1);
      expect(text).toMatch(/vanaf januari 2026/);
      expect(text).toMatch(/Permalink \(datastand \d+ \w+ \d{4}, model versie/);
      expect(await page.locator(".notitie-grafieken svg").count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator(".notitie .kind-gemodelleerd").count()).toBeGreaterThanOrEqual(6);
      expect(consoleErrors).toEqual([]);
      const opvang = await openPage(`/opvang${SCENARIO}`);
      expect(await number(opvang.page, "piek-bezetting")).toBe(peak);
      expect(await number(opvang.page, "max-tekort")).toBe(shortage);
      await opvang.close();
    } finally {
      await close();
    }
  });
});

describe("accessibility of the new views (axe-core)", () => {
  for (const path of [`/opvang${SCENARIO}`, `/notitie${SCENARIO}`, "/begrippen"]) {
    test(`${path} with every table view open has no serious or critical violations`, async () => {
      const axe = (await import("axe-core")).default;
      const {page, close} = await openPage(path);
      try {
        await page.evaluate(() => {
          for (const b of document.querySelectorAll<HTMLButtonElement>("button.table-toggle[aria-expanded='false']")) b.click();
          for (const d of document.querySelectorAll("details")) d.open = true;
        });
        await page.addScriptTag({content: axe.source});
        const result = await page.evaluate(async () => {
          const run = await (window as unknown as {axe: {run: (d: Document, o: object) => Promise<{violations: {id: string; impact: string; nodes: {target: string[]}[]}[]}>}}).axe.run(document, {resultTypes: ["violations"]});
          return run.violations.map((v) => ({id: v.id, impact: v.impact, target: v.nodes[0]?.target.join(" ")}));
        });
        const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
