/**
 * The P10–P90 band from 1.000 runs. A preset as it stands has its band with the first charts, from
 * the band precomputed at build time (src/explorer/precomputed-band.ts); any other scenario's band is
 * computed in a Web Worker: the charts show the point run first and the band when it is ready. The
 * band shown always belongs to the scenario on screen, and both ways give the same band.
 */
import type {Page, Route} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openPage, screenshot, setSlider, currentUrl} from "./harness.js";

const OCCUPANCY = 'figure[aria-label^="Bezetting: piek"]';

/** The band range at the occupancy peak as the chart's summary states it ("A tot B"), or null while pending. */
async function bandAtPeak(page: Page): Promise<string | null> {
  const label = (await page.locator(OCCUPANCY).first().getAttribute("aria-label")) ?? "";
  const m = /rond dat moment (.+) tot (.+)\.$/.exec(label);
  if (!m || m[1] === "–" || m[2] === "–") return null;
  return `${m[1]} tot ${m[2]}`;
}

/** Waits until the band is shown and differs from `other` (when given); returns it. */
async function waitForBand(page: Page, other: string | null = null): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const b = await bandAtPeak(page);
    if (b !== null && b !== other) return b;
    if (Date.now() > deadline) throw new Error(`no band ${other ? `other than ${other} ` : ""}within 20 s (last: ${b})`);
    await page.waitForTimeout(50);
  }
}

const usesWorker = (requests: string[]) => requests.some((u) => /\/band-worker\.[^/]*js$/.test(new URL(u).pathname));
const bandFiles = (requests: string[]) => requests.filter((u) => new URL(u).pathname.includes("/data/bands/")).map((u) => new URL(u).pathname.replace(/^.*\/data\/bands\//, ""));

describe("band of 1.000 runs", () => {
  test("a preset as it stands has its band with the first charts, from its precomputed file, without the worker", async () => {
    const {page, consoleErrors, requests, close} = await openPage("/opvang", {fresh: true, networkIdle: true});
    // the first charts already have it: no render of the page ever had a pending band
    expect(await page.evaluate(() => document.documentElement.dataset.band)).toBe("ready");
    expect(await bandAtPeak(page)).not.toBeNull();
    const legend = await page.locator(`${OCCUPANCY} figcaption`).first().innerText();
    expect(legend).toContain("1.000 modelruns");
    expect(await page.locator(OCCUPANCY).first().innerText()).toContain("P10–P90 (1.000 modelruns)");
    expect(bandFiles(requests)).toEqual(["opvang/ongewijzigd.json"]);
    expect(usesWorker(requests)).toBe(false);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("a band file of another build (another fingerprint) is not used; the worker's band equals the file's, at the default horizon and another", async () => {
    // the file as served, with another build's fingerprint and a band that would show if it were used
    const otherBuild = async (route: Route) => {
      const response = await route.fetch();
      const file = await response.json();
      const coa = file.series.coa_total;
      await route.fulfill({response, json: {...file, fingerprint: "0000000000000000", series: {...file.series, coa_total: {p10: coa.p10.map(() => 1), p50: coa.p50, p90: coa.p90.map(() => 2)}}}});
    };
    for (const search of ["?p=mpp-2024-ii-max", "?p=mpp-2024-ii-max&s=2026-03&e=2034-08"]) {
      const precomputed = await openPage(`/opvang${search}`, {fresh: true, networkIdle: true});
      const fromFile = await waitForBand(precomputed.page);
      expect(bandFiles(precomputed.requests)).toEqual(["opvang/mpp-2024-ii-max.json"]);
      expect(usesWorker(precomputed.requests)).toBe(false);
      const worker = await openPage(`/opvang${search}`, {fresh: true, networkIdle: true, route: otherBuild});
      expect(await waitForBand(worker.page)).toBe(fromFile);
      expect(bandFiles(worker.requests)).toEqual(["opvang/mpp-2024-ii-max.json"]);
      expect(usesWorker(worker.requests)).toBe(true);
      // the whole chart, band and lines, is drawn alike
      const svg = (p: Page) => p.locator(`${OCCUPANCY} svg`).first().innerHTML();
      expect(await svg(worker.page)).toBe(await svg(precomputed.page));
      expect([...precomputed.consoleErrors, ...worker.consoleErrors]).toEqual([]);
      await precomputed.close();
      await worker.close();
    }
  });

  test("choosing another preset on the Overzicht draws its band from that preset's file", async () => {
    const {page, requests, consoleErrors, close} = await openPage("/", {fresh: true, networkIdle: true});
    const select = page.locator(".controls select").first();
    const option = await select.evaluate((s: HTMLSelectElement) => [...s.options].find((o) => o.textContent?.startsWith("MPP april 2023 — minimum"))?.value ?? "");
    await select.selectOption(option);
    await page.waitForFunction(() => /p=mpp-2023-i-min/.test(location.search) && document.documentElement.dataset.band === "ready", undefined, {timeout: 15_000});
    expect(bandFiles(requests)).toEqual(["index/ongewijzigd.json", "index/mpp-2023-i-min.json"]);
    expect(usesWorker(requests)).toBe(false);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("after a slider move the band appears and belongs to the new scenario", async () => {
    const {page, consoleErrors, close} = await openPage("/opvang", {networkIdle: true});
    const before = await waitForBand(page);
    await setSlider(page, "reception_leave_days", 0);
    const after = await waitForBand(page, before);
    await screenshot(page, "band-after-move");
    // a fresh page for the same link computes the band of that scenario from scratch
    const fresh = await openPage(new URL((await currentUrl(page))).pathname + new URL((await currentUrl(page))).search);
    expect(await waitForBand(fresh.page)).toBe(after);
    expect(consoleErrors).toEqual([]);
    await fresh.close();
    await close();
  });

  test("quick moves: the band that stays is the last scenario's, never an older one", async () => {
    const {page, consoleErrors, close} = await openPage("/opvang", {networkIdle: true});
    const before = await waitForBand(page);
    for (const days of [0, 7, 14, 21, 3]) await setSlider(page, "reception_leave_days", days);
    // the page has taken the last move once the link records it
    await page.waitForFunction(() => /reception_leave_days:3(&|$)/.test(decodeURIComponent(location.search)), undefined, {timeout: 15_000});
    const url = new URL((await currentUrl(page)));
    const fresh = await openPage(url.pathname + url.search);
    const expected = await waitForBand(fresh.page);
    await fresh.close();
    expect(expected).not.toBe(before);
    // the moved page settles on the last scenario's band and stays there
    const deadline = Date.now() + 20_000;
    while ((await bandAtPeak(page)) !== expected && Date.now() < deadline) await page.waitForTimeout(50);
    expect(await bandAtPeak(page)).toBe(expected);
    await page.waitForTimeout(1500);
    expect(await bandAtPeak(page)).toBe(expected);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
