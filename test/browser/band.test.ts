/**
 * The P10–P90 band from 1.000 runs, computed in a Web Worker: the charts show the point run first
 * and the band when it is ready, and the band shown always belongs to the scenario on screen.
 */
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openPage, screenshot, setSlider} from "./harness.js";

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

describe("band of 1.000 runs", () => {
  test("the band is drawn from 1.000 runs, computed by the band worker", async () => {
    const {page, consoleErrors, requests, close} = await openPage("/opvang", {networkIdle: true});
    await waitForBand(page);
    const legend = await page.locator(`${OCCUPANCY} figcaption`).first().innerText();
    expect(legend).toContain("1.000 modelruns");
    expect(await page.locator(OCCUPANCY).first().innerText()).toContain("P10–P90 (1.000 modelruns)");
    expect(requests.some((u) => /\/band-worker\.[^/]*js$/.test(new URL(u).pathname))).toBe(true);
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
    const fresh = await openPage(new URL(page.url()).pathname + new URL(page.url()).search);
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
    const url = new URL(page.url());
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
