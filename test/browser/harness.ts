/**
 * Browser-test harness: opens a page of the built site in headless Chromium and records console
 * errors, page errors, failed responses and every request URL, so tests can assert that the page is
 * clean and that nothing leaves the served origin.
 */
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import type {Browser, BrowserContext, Page, Route} from "playwright-core";
import {afterAll} from "vitest";
import {launchBrowser} from "../../scripts/browser.js";

export const SCREENSHOT_DIR = join("test-results", "screenshots");

let browser: Browser | null = null;
/** One browser context per test file: its pages share the HTTP cache, as a visitor's tabs do. */
let context: BrowserContext | null = null;

afterAll(async () => {
  await browser?.close();
  browser = null;
  context = null;
});

/** The base URL of the served dist/ (set by global-setup). */
export function siteUrl(): string {
  const url = process.env.SITE_URL;
  if (!url) throw new Error("SITE_URL is not set: run the browser tests with vitest.browser.config.ts");
  return url;
}

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  close(): Promise<void>;
}

/**
 * Opens `path` (e.g. "/instroom?x=1") and waits until the page has settled (waitForSettled). Pages
 * share one context (and so the cache of the content-hashed files, like a returning visitor); the site
 * keeps no state outside the URL. `fresh` opens the page in a new context with an empty cache;
 * `networkIdle` also waits until no request has been made for 500 ms (for tests of what a page requests);
 * `route` answers the page's requests for band files (data/bands/…) instead of the site.
 */
export async function openPage(path: string, {width = 1280, height = 900, fresh = false, networkIdle = false, route}: {width?: number; height?: number; fresh?: boolean; networkIdle?: boolean; route?: (route: Route) => Promise<void>} = {}): Promise<OpenedPage> {
  browser ??= await launchBrowser();
  const owner = fresh ? await browser.newContext() : (context ??= await browser.newContext());
  const page = await owner.newPage();
  if (route) await page.route("**/data/bands/**", route);
  await page.setViewportSize({width, height});
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  page.on("response", (r) => {
    if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(siteUrl() + path, {waitUntil: networkIdle ? "networkidle" : "load"});
  await waitForSettled(page);
  return {page, consoleErrors, requests, close: () => (fresh ? owner.close() : page.close())};
}

/**
 * Waits until the page has settled: every cell has displayed (Framework shows an
 * `<observablehq-loading>` placeholder until it does), every section loaded on demand has arrived
 * (`aria-busy` until then, src/explorer/lazy.ts), the band of a scenario page has arrived, and,
 * with `quietMs`, no chart has rendered for that long. On a busy machine the model and the charts
 * come well after the network is idle; reading the page before this reads empty cells.
 */
export async function waitForSettled(page: Page, {quietMs = 0, timeout = 45_000} = {}): Promise<void> {
  await page
    .waitForFunction(
      (quiet) =>
        document.querySelector("observablehq-loading") === null &&
        document.querySelector('[aria-busy="true"]') === null &&
        document.documentElement.dataset.band !== "pending" &&
        (quiet === 0 || performance.now() - (performance.getEntriesByName("asielketen:render").at(-1)?.startTime ?? 0) > quiet),
      quietMs,
      {timeout, polling: 50}
    )
    .catch(async (e: unknown) => {
      const state = await page
        .evaluate(() => `${document.querySelectorAll("observablehq-loading").length} cells loading, ${document.querySelectorAll('[aria-busy="true"]').length} sections busy, band ${document.documentElement.dataset.band ?? "none"}`)
        .catch(() => "state unknown");
      throw new Error(`${page.url()} did not settle within ${timeout} ms (${state}): ${String(e)}`);
    });
}

/** Writes a full-page screenshot to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, {recursive: true});
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({path, fullPage: true});
  return path;
}

/** Parses a Dutch-formatted number ("49.000", "−1.600", "12,5") into a number. */
export function parseDutchNumber(text: string): number {
  const cleaned = text.trim().replace(/\u2212/g, "-").replace(/[^\d,.+-]/g, "").replace(/\./g, "").replace(",", ".");
  const value = Number(cleaned);
  if (!Number.isFinite(value) || cleaned === "") throw new Error(`not a Dutch number: "${text}"`);
  return value;
}

/** Reads the Dutch-formatted number in the element with id `id`. */
export async function number(page: Page, id: string): Promise<number> {
  return parseDutchNumber(await page.locator(`#${id}`).innerText());
}

/**
 * The page's URL once the page has written its scenario into it (after the next frame, in which
 * Framework computes the inputs given so far). After a scenario change the site writes the URL when
 * the input rests (links.ts replaceSearchSoon; `<html data-url="pending">` until then), and
 * `page.url()` follows the browser's navigation events, which may arrive after a test's next step.
 */
export async function currentUrl(page: Page): Promise<string> {
  // first the frame in which Framework computes an input already given (a key press just before)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await page.waitForFunction(() => document.documentElement.dataset.url !== "pending", undefined, {timeout: 15_000});
  return page.evaluate(() => location.href);
}

/** Waits until the text of `selector` differs from `before` (the page recomputed) and returns the new text. */
export async function waitForChange(page: Page, selector: string, before: string): Promise<string> {
  await page.waitForFunction(([s, b]) => document.querySelector(s)?.textContent !== b, [selector, before] as const, {timeout: 15_000});
  return page.locator(selector).innerText();
}

/** Waits until the text of `#id` differs from `before`. */
export async function changed(page: Page, id: string, before: string): Promise<void> {
  await waitForChange(page, `#${id}`, before);
}

/**
 * Moves the slider of `parameter` with the keyboard, like a user (opening the assumptions box when the
 * slider is in it), and waits for `#id` to change.
 */
export async function pressOnSlider(page: Page, parameter: string, key: string, id: string, times = 1): Promise<void> {
  const before = await page.locator(`#${id}`).innerText();
  const slider = page.locator(`[data-parameter="${parameter}"] input[type=range]`).first();
  if (!(await slider.isVisible())) await page.locator("details:has([data-parameter]) > summary").first().click();
  await slider.focus();
  for (let i = 0; i < times; i++) await slider.press(key);
  await changed(page, id, before);
}

/** Sets the slider of `parameter` to `value` and fires "input", as a drag does; waits for `#waitForId` to change when given. */
export async function setSlider(page: Page, parameter: string, value: number, waitForId?: string): Promise<void> {
  const before = waitForId ? await page.locator(`#${waitForId}`).innerText() : "";
  await page
    .locator(`[data-parameter="${parameter}"] input[type=range]`)
    .first()
    .evaluate((el, v) => {
      (el as HTMLInputElement).value = String(v);
      el.dispatchEvent(new Event("input", {bubbles: true}));
    }, value);
  if (waitForId) await changed(page, waitForId, before);
}
