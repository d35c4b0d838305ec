/**
 * Shared by horizons-a/-b.test.ts (two files, so the two halves run in parallel workers). Any valid
 * horizon renders: a seeded sample of at least 300 URL states (start `s` and end `e` anywhere the
 * decoder accepts, with or without a lever change) across the scenario pages. On every state: no
 * error cell, no NaN, no console error, and every chart the page has at its default horizon is there.
 */
import {mulberry32} from "../../src/model/rng.js";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser} from "../../scripts/browser.js";
import {siteUrl, waitForSettled} from "./harness.js";
import {LATEST_END, MODEL_START} from "../../src/model/constants.js";

export const PAGES = ["/", "/instroom", "/ind", "/opvang", "/uitstroom", "/nareis", "/maatregelen", "/vergelijken"];
export const STATES_PER_PAGE = 38; // 8 × 38 = 304
export const SEED = 20251103;

/** mulberry32 (the model's seeded PRNG), so a failure names a state that can be replayed. */
const rng = mulberry32;

const Y0 = Number(MODEL_START.slice(0, 4));
const month = (i: number) => `${Y0 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
/** The decoder's latest month, as an offset from the model start (January). */
const LAST = (Number(LATEST_END.slice(0, 4)) - Y0) * 12 + Number(LATEST_END.slice(5, 7)) - 1;

/** A valid URL state: s and e inside MODEL_START … LATEST_END with e ≥ s (each sometimes absent), sometimes a lever. */
export function states(seed: number, n: number): string[] {
  const r = rng(seed);
  return Array.from({length: n}, () => {
    const q = new URLSearchParams({p: ["ongewijzigd", "mpp-2023-i-min", "mpp-2024-ii-max", "mpp-2025-ii-max"][Math.floor(r() * 4)] ?? "ongewijzigd"});
    const kind = r();
    if (kind < 0.8) {
      // Mostly short and medium horizons (the model runs 200 band runs per state); some up to the full range.
      const s = Math.floor(r() * (LAST + 1));
      const span = r() < 0.85 ? Math.floor(r() * 96) : Math.floor(r() * (LAST - s + 1));
      q.set("s", month(s));
      q.set("e", month(Math.min(LAST, s + span)));
    } else if (kind < 0.9) q.set("s", month(Math.floor(r() * 9 * 12)));
    else q.set("e", month(Math.floor(r() * (LAST + 1))));
    if (r() < 0.3) q.set("o", `ind_decisions_per_month:${1000 + Math.round(r() * 5000)}`);
    return `?${q.toString()}`;
  });
}

/**
 * Registers the horizon tests for `pages` (a part of PAGES, so the parts run in parallel files);
 * `checkSample` adds the test of the whole sample.
 */
export function horizonTests(pages: readonly string[], checkSample = false): void {
  let browser: Browser;
  const expected = new Map<string, number>();
  beforeAll(async () => {
    browser = await launchBrowser();
    for (const path of pages) {
      const page = await browser.newPage();
      await page.goto(siteUrl() + path, {waitUntil: "networkidle"});
      // the page's charts appear once it has run the model (later on a busy machine), then the band follows
      await waitForSettled(page);
      expected.set(path, await page.locator("figure.chart-frame").count());
      await page.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe(`any valid horizon renders (${pages.join(", ")})`, () => {
    if (checkSample) test("the sample is valid, seeded and large enough", () => {
      const all = PAGES.flatMap((_, i) => states(SEED + i, STATES_PER_PAGE));
      expect(all.length).toBeGreaterThanOrEqual(300);
      expect(states(SEED, 5)).toEqual(states(SEED, 5));
      for (const s of all) {
        const q = new URLSearchParams(s);
        const [start, end] = [q.get("s") ?? "2022-01", q.get("e") ?? "2030-12"];
        if (q.has("s") && q.has("e")) expect(end >= start, s).toBe(true);
        expect(start >= MODEL_START && end <= LATEST_END, s).toBe(true);
      }
      // Horizons that leave out 2025 (the pages' reference year) are in the sample.
      expect(all.some((s) => (new URLSearchParams(s).get("s") ?? "") > "2025-12")).toBe(true);
      expect(all.some((s) => (new URLSearchParams(s).get("e") ?? "9") < "2025-01")).toBe(true);
    });

    pages.forEach((path) => {
      const i = PAGES.indexOf(path);
      test(`${path}: ${STATES_PER_PAGE} random horizons render without error cells, NaN or missing charts`, {timeout: 600_000}, async () => {
        const page = await browser.newPage({viewport: {width: 1100, height: 800}});
        const errors: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(m.text());
        });
        page.on("pageerror", (e) => errors.push(e.message));
        const charts = expected.get(path) ?? 0;
        expect(charts, `charts on ${path}`).toBeGreaterThan(0);
        for (const search of states(SEED + i, STATES_PER_PAGE)) {
          const target = path === "/vergelijken" ? `${path}?a=${encodeURIComponent(search.slice(1))}&b=huidig&${search.slice(1)}` : path + search;
          await page.goto(siteUrl() + target, {waitUntil: "load"});
          await page.waitForFunction((n) => document.querySelectorAll("figure.chart-frame").length >= n || document.querySelector(".observablehq--error") !== null, charts, {timeout: 30_000}).catch(() => undefined);
          await page.waitForTimeout(50);
          const state = `${target}`;
          expect(await page.locator(".observablehq--error").count(), `error cell on ${state}`).toBe(0);
          expect(await page.locator("figure.chart-frame").count(), `charts on ${state}`).toBe(charts);
          const text = await page.locator("#observablehq-main").innerText();
          expect(text, state).not.toMatch(/NaN|Infinity|undefined/);
          expect(errors, state).toEqual([]);
        }
        await page.close();
      });
    });
  });
}
