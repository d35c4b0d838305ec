/**
 * Effect per measure, sensitivity and the bottleneck strip, read from the built pages like a user:
 * the waterfall's parts add up to the shown total (and match the model), the tornado lists the
 * assumptions sorted by swing, the strip has a Dutch legend and a cell per month.
 */
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {decompose} from "../../src/model/shapley.js";
import {measureEffect} from "../../src/model/measure-effect.js";
import {OUTCOME_IDS} from "../../src/model/outcomes.js";
import {decodeScenarioFromSearch} from "../../src/model/scenario.js";
import {formatCount} from "../../src/components/format.js";
import {openPage, parseDutchNumber, screenshot, currentUrl} from "./harness.js";

const inputs = await loadModelInputs();
const basis = {preset: "ongewijzigd", overrides: {}, measures: []};
const moves = (id: string) => OUTCOME_IDS.some((o) => Math.abs(measureEffect(basis, inputs, id).forward[o]) > 1);
/** Two quantified measures not in the baseline, those that move a key outcome when switched on first. */
const candidates = inputs.measures.filter((m) => m.effects?.length && !m.inBaseline);
const movers = [...candidates.filter((m) => moves(m.id)), ...candidates.filter((m) => !moves(m.id))].slice(0, 2);
/** A measure in force that moves an outcome when switched off (a third player). */
const inForce = inputs.measures.find((m) => m.effects?.length && m.inBaseline && moves(m.id));

interface Shown {
  basis: number;
  parts: number[];
  total: number;
  scenario: number;
}

/** The number a cell starts with: its kind badge and the badge's explanation follow it, on the same line or not (innerText depends on layout). */
function leadingNumber(text: string): string {
  return text.trim().match(/^[+\-\u2212]?[\d.,]+/)?.[0] ?? text;
}

async function readWaterfall(page: Page): Promise<Shown> {
  const cell = async (role: string) => (await page.locator(`.shapley-table tr[data-role="${role}"] td.shapley-value`).allInnerTexts()).map((t) => parseDutchNumber(leadingNumber(t)));
  return {basis: (await cell("basis"))[0]!, parts: await cell("maatregel"), total: (await cell("totaal"))[0]!, scenario: (await cell("scenario"))[0]!};
}

describe("effect per measure (Maatregelen)", () => {
  test("two measures switched on (and one in force switched off): the waterfall's parts add up to the shown total, as the model computes", async () => {
    expect(movers.length, "two quantified measures").toBe(2);
    expect(moves(movers[0]!.id), "a quantified measure that moves an outcome").toBe(true);
    const {page, consoleErrors, close} = await openPage("/maatregelen");
    try {
      await page.waitForSelector(".shapley-empty", {timeout: 15_000});
      for (const m of movers) {
        await page.locator(`fieldset[data-measure="${m.id}"] input[type=checkbox]`).check();
        await page.waitForFunction((id) => location.search.includes(id), m.id, {timeout: 15_000});
      }
      if (inForce) {
        await page.locator(`fieldset[data-measure="${inForce.id}"] input[role=switch]`).uncheck();
        await page.waitForFunction((id) => new URLSearchParams(location.search).get("x")?.includes(id), inForce.id, {timeout: 15_000});
      }
      const players = movers.length + (inForce ? 1 : 0);
      await page.waitForFunction((n) => document.querySelectorAll('.shapley-table tr[data-role="maatregel"]').length === n, players, {timeout: 15_000});
      const shown = await readWaterfall(page);
      // rounding: each shown number is rounded to a whole person
      expect(Math.abs(shown.parts.reduce((a, b) => a + b, 0) - shown.total)).toBeLessThanOrEqual(shown.parts.length * 0.5 + 0.5);
      expect(Math.abs(shown.basis + shown.total - shown.scenario)).toBeLessThanOrEqual(1);
      // the same numbers as the model for the scenario in the URL
      const {scenario} = decodeScenarioFromSearch(new URL((await currentUrl(page))).search, inputs);
      const d = decompose(scenario, inputs);
      expect(shown.total).toBe(parseDutchNumber(formatCount(d.total.coa_2027)));
      expect(shown.parts).toEqual(d.players.map((p) => parseDutchNumber(formatCount(p.shapley.coa_2027))));
      const labels = await page.locator('.shapley-table tr[data-role="maatregel"] th').allInnerTexts();
      // the page lists measures in the scenario's order (the catalogue's), switched-off ones last
      expect(labels.slice(0, 2).sort()).toEqual(movers.map((m) => m.name).sort());
      if (inForce) expect(labels[2]).toBe(`${inForce.name} (uitgezet)`);
      expect(d.players.length).toBe(players);
      await screenshot(page, "maatregelen-shapley-1280");
      // another outcome: the chart is drawn again and still adds up
      await page.locator(".shapley-select select").selectOption("backlog_2027");
      await page.waitForSelector('.shapley-outcome[data-outcome="backlog_2027"]');
      const backlog = await readWaterfall(page);
      expect(backlog.total).toBe(parseDutchNumber(formatCount(d.total.backlog_2027)));
      expect(Math.abs(backlog.parts.reduce((a, b) => a + b, 0) - backlog.total)).toBeLessThanOrEqual(1.5);
      expect(await page.locator(".shapley-section figure svg").count()).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  test("at 390 px the waterfall fits the screen", async () => {
    const q = `?p=ongewijzigd&m=${movers.map((m) => `${m.id}~2025-10~1`).join(",")}`;
    const {page, consoleErrors, close} = await openPage("/maatregelen" + q, {width: 390});
    try {
      await page.waitForSelector(".shapley-table");
      const box = await page.locator(".shapley-section figure svg").first().boundingBox();
      expect(box!.width).toBeLessThanOrEqual(390);
      await screenshot(page, "maatregelen-shapley-390");
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("sensitivity (Bronnen)", () => {
  test("the tornado lists assumptions sorted by swing, for each key outcome; scenario pages link to it with the scenario", async () => {
    const {page, consoleErrors, close} = await openPage("/opvang?p=ongewijzigd&o=appeal_share:0.6");
    try {
      const link = page.getByRole("link", {name: "Welke aannames tellen het zwaarst?"});
      const href = await link.getAttribute("href");
      expect(href).toMatch(/bronnen\.html\?.*o=appeal_share%3A0\.6.*#gevoeligheid$/);
      await link.click();
      await page.waitForSelector(".tornado-table tbody tr", {timeout: 15_000});
      expect(new URL((await currentUrl(page))).hash).toBe("#gevoeligheid");
      expect(await page.locator("h2#gevoeligheid").innerText()).toBe("Welke aannames tellen het zwaarst?");
      expect(await page.locator(".sensitivity-origin").innerText()).toContain("met jouw aanpassingen");
      for (const outcome of ["coa_2027", "nareis_2026", "cost_2026"]) {
        await page.locator(".tornado-select select").selectOption(outcome);
        await page.waitForSelector(`.tornado-outcome[data-outcome="${outcome}"]`);
        const swings = (await page.locator(".tornado-table td.tornado-swing").allInnerTexts()).map((t) => t.split("\n")[0]!);
        expect(swings.length).toBe(10);
        const values = swings.map((t) => (/mld/.test(t) ? 1e9 : /mln/.test(t) ? 1e6 : 1) * parseDutchNumber(t.replace(/mln|mld/, "")));
        for (let i = 1; i < values.length; i++) expect(values[i - 1]!, `${outcome} row ${i}`).toBeGreaterThanOrEqual(values[i]!);
        expect(values[0]!).toBeGreaterThan(0);
        const names = await page.locator(".tornado-table tbody th").allInnerTexts();
        expect(new Set(names).size).toBe(10);
        // only assumptions are listed (no policy levers)
        const labels = new Set(inputs.parameters.filter((p) => p.kind === "assumption").map((p) => p.label));
        for (const n of names) expect(labels.has(n), n).toBe(true);
      }
      await screenshot(page, "bronnen-tornado-1280");
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("bottleneck strip (Overzicht)", () => {
  for (const width of [1280, 390]) {
    test(`the strip has a Dutch legend and one cell per month (${width} px)`, async () => {
      const {page, consoleErrors, close} = await openPage("/", {width});
      try {
        await page.waitForSelector(".bottleneck-strip");
        const legend = await page.locator(".strip-legend li").allInnerTexts();
        expect(legend.slice(0, 4).map((t) => t.trim())).toEqual(["IND-beslissingen", "opvangplekken", "woningen voor vergunninghouders", "geen knelpunt"]);
        const cells = await page.locator(".bottleneck-strip g.strip-cells rect").count();
        expect(cells).toBe(108); // 2022-01 … 2030-12
        const titles = await page.locator(".bottleneck-strip g.strip-cells rect title").allTextContents();
        expect(titles[0]).toMatch(/^jan 2022: /);
        expect(titles.at(-1)).toMatch(/^dec 2030: .*projectie$/);
        expect(await page.locator(".strip-sentence").innerText()).toMatch(/^In de projectie \(.+ – dec 2030\) is het bindende knelpunt: /);
        const box = await page.locator(".bottleneck-strip svg").first().boundingBox();
        expect(box!.width).toBeLessThanOrEqual(width);
        await screenshot(page, `overzicht-strip-${width}`);
        expect(consoleErrors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
