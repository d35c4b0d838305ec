/**
 * UI benchmark (prints figures; not a test): in headless Chromium against the built site,
 *  1. the time from a control's input event (a slider on every page that has one; the preset or
 *     scenario choice on pages without a slider) to all charts of the page updated and painted, over
 *     MOVES moves per page, as p50 / p95 / max. When PREV_DIST names the `dist/` of the previous
 *     release, that build is served beside this one and measured in the same run: the two sites take
 *     turns in blocks of BLOCK moves (each in its own tab, the other tab idle), so both see the same
 *     machine load; the table adds the previous release's figures and the ratio previous / now.
 *  2. each page's JS + CSS, raw and gzip-compressed (what a web host serving gzip transfers).
 * Run `npm run build` first, then `npm run bench:ui` (or `PREV_DIST=/path/to/prev/dist npm run bench:ui`).
 * Building the previous release once: `git archive 55ec1b3 | tar -x -C /tmp/prev && cd /tmp/prev &&
 * npm ci && npm run build`, then PREV_DIST=/tmp/prev/dist.
 *
 * "Updated and painted": every chart frame sets the User Timing mark `asielketen:render` when it
 * renders; Framework recomputes all cells of a change in one animation-frame task, so once a mark
 * later than the input event is seen from a later animation frame, every chart of the change is in
 * the DOM. The move ends when the frame after that has been painted (a message posted from the
 * animation-frame callback is delivered after the frame's paint).
 */
import {existsSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import os from "node:os";
import type {Browser, Page} from "playwright-core";
import {launchBrowser} from "../scripts/browser.js";
import {startServer} from "../scripts/static-server.js";

const MOVES = Number(process.env.MOVES ?? 60);
/** Moves per turn when the previous release is measured alongside. */
const BLOCK = Number(process.env.BLOCK ?? 10);
const PREV_DIST = process.env.PREV_DIST;
/** Only these pages (comma-separated paths), e.g. PAGES=/ind,/nareis. */
const ONLY = process.env.PAGES?.split(",");

interface Move {
  path: string;
  /** Search string the page is opened with (e.g. a measure switched on, so its strength slider acts). */
  search?: string;
  /** What is moved, for the table. */
  name: string;
  /** CSS selector of the control. */
  selector: string;
  /** Range: values from low to high; select: the option values are cycled. */
  kind: "range" | "select";
  low?: number;
  high?: number;
  /** Events fired on the control (range: "input"; Inputs.select: "input"; native selects: "change"). */
  events: string[];
}

/** Every page with a slider (src/*.md with controls), plus the choice on the two scenario pages without one. */
const SLIDER_PAGES: Move[] = [
  {path: "/opvang", name: "capacity_emergency", selector: '[data-parameter="capacity_emergency"] input[type=range]', kind: "range", low: 0, high: 60000, events: ["input"]},
  {path: "/instroom", name: "resettlement_per_year", selector: '[data-parameter="resettlement_per_year"] input[type=range]', kind: "range", low: 200, high: 1000, events: ["input"]},
  {path: "/ind", name: "ind_decisions_per_month", selector: '[data-parameter="ind_decisions_per_month"] input[type=range]', kind: "range", low: 1000, high: 6000, events: ["input"]},
  {path: "/uitstroom", name: "housing_realisation", selector: '[data-parameter="housing_realisation"] input[type=range]', kind: "range", low: 0.5, high: 1.1, events: ["input"]},
  {path: "/nareis", name: "nareis_request_share", selector: '[data-parameter="nareis_request_share"] input[type=range]', kind: "range", low: 0.4, high: 0.95, events: ["input"]},
  // /maatregelen has no parameter sliders; its sliders are the strengths of measures that are switched on
  {path: "/maatregelen", search: "?m=asielnoodmaatregelenwet~2026-01~1", name: "sterkte asielnoodmaatregelenwet", selector: '[data-measure="asielnoodmaatregelenwet"] input[type=range]', kind: "range", low: 0, high: 2, events: ["input"]}
];
/** Scenario pages without a slider: the preset (Overzicht) and scenario A (Vergelijken). */
const CHOICE_PAGES: Move[] = [
  {path: "/", name: "preset (select)", selector: ".controls select", kind: "select", events: ["input"]},
  {path: "/vergelijken", name: "scenario A (select)", selector: '[data-side="A"] select', kind: "select", events: ["change"]}
];
const WEIGHT_PAGES = ["/", "/instroom", "/ind", "/opvang", "/uitstroom", "/nareis", "/maatregelen", "/toekenning", "/bronnen"];

/** In-page code for one move: set the control, fire its events, wait for the charts' render mark and the paint. */
const MOVE_SOURCE = `(async () => {
  const input = document.querySelector(__SELECTOR__);
  let value;
  if (__KIND__ === "select") {
    const values = [...input.options].map((o) => o.value).filter((v) => v !== "link" && v !== input.value);
    value = values[__I__ % values.length];
  } else value = String(__VALUE__);
  const t0 = performance.now();
  input.value = value;
  for (const type of __EVENTS__) input.dispatchEvent(new Event(type, {bubbles: true}));
  await new Promise((resolve, reject) => {
    const limit = t0 + 5000;
    (function check() {
      if ((performance.getEntriesByName("asielketen:render").at(-1)?.startTime || 0) > t0) {
        // delivered after this frame's paint
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(0);
      } else if (performance.now() > limit) reject(new Error("charts did not update within 5 s"));
      else requestAnimationFrame(check);
    })();
  });
  return performance.now() - t0;
})()`;

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];

interface Side {
  label: string;
  url: string;
  page?: Page;
  times: number[];
}

async function open(browser: Browser, side: Side, move: Move): Promise<boolean> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const response = await page.goto(side.url + move.path + (move.search ?? ""), {waitUntil: "networkidle"});
  const found = response?.status() === 200 && (await page.waitForSelector(move.selector, {state: "attached", timeout: 15000}).then(() => true, () => false));
  if (!found) {
    await page.close();
    return false;
  }
  // let the first band arrive and render before the first move
  await page.waitForFunction(`document.documentElement.dataset.band !== "pending"`, undefined, {timeout: 10000}).catch(() => undefined);
  side.page = page;
  return true;
}

/** Waits until the page's pending band (if any) has arrived, so the other side's turn starts on an idle machine. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(`document.documentElement.dataset.band !== "pending"`, undefined, {timeout: 5000}).catch(() => undefined);
  await page.waitForTimeout(50);
}

async function moveOnce(side: Side, move: Move, i: number): Promise<void> {
  const value = move.kind === "range" ? move.low! + ((move.high! - move.low!) * ((i * 7) % MOVES)) / MOVES : 0;
  // Passed as source text: tsx would otherwise wrap named inner functions in a helper the page lacks.
  const source = MOVE_SOURCE.replace("__SELECTOR__", JSON.stringify(move.selector))
    .replaceAll("__KIND__", JSON.stringify(move.kind))
    .replace("__I__", String(i))
    .replace("__VALUE__", String(value))
    .replace("__EVENTS__", JSON.stringify(move.events));
  side.times.push((await side.page!.evaluate(source)) as number);
}

function stats(times: number[]): {p50: number; p95: number; max: number} {
  const sorted = [...times].sort((a, b) => a - b);
  return {p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1)!};
}

const f = (x: number, w = 6) => x.toFixed(1).padStart(w);

const {server, url} = await startServer(0);
const prevServer = PREV_DIST && existsSync(join(PREV_DIST, "index.html")) ? await startServer(0, PREV_DIST) : null;
const browser = await launchBrowser({full: true});
try {
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`Control input → all charts updated and painted (${MOVES} moves per page, headless Chromium, ${os.cpus().length} cores; load average ${load()})`);
  if (prevServer) console.log(`Previous release: ${PREV_DIST} (turns of ${BLOCK} moves, alternating with this build)`);
  else console.log(`(no previous release measured: set PREV_DIST to the dist/ of the previous release${PREV_DIST ? `; ${PREV_DIST}/index.html is missing` : ""})`);
  console.log(
    prevServer
      ? "page          control                          now p50  now p95  now max   prev p50 prev p95 prev max   ratio p50 ratio p95   model p50 now/prev"
      : "page          control                          p50 ms   p95 ms   max ms   model p50 ms (point runs)"
  );
  for (const move of [...SLIDER_PAGES, ...CHOICE_PAGES]) {
    if (ONLY && !ONLY.includes(move.path)) continue;
    const now: Side = {label: "now", url, times: []};
    const prev: Side | null = prevServer ? {label: "prev", url: prevServer.url, times: []} : null;
    if (!(await open(browser, now, move))) {
      console.log(`${move.path.padEnd(13)} (no control "${move.name}" on this page; skipped)`);
      continue;
    }
    if (prev && !(await open(browser, prev, move))) {
      console.log(`${move.path.padEnd(13)} (no control "${move.name}" on the previous release's page; measured without it)`);
    }
    const sides = prev?.page ? [now, prev] : [now];
    // turns of BLOCK moves; the side that starts alternates, so neither always follows the other
    for (let start = 0, turn = 0; start < MOVES; start += BLOCK, turn++) {
      for (const side of turn % 2 ? [...sides].reverse() : sides) {
        for (let i = start; i < Math.min(MOVES, start + BLOCK); i++) await moveOnce(side, move, i);
        await settle(side.page!);
      }
    }
    const model = async (side: Side) => {
      const d = (await side.page!.evaluate(`performance.getEntriesByName("asielketen:compute").map((e) => e.duration)`)) as number[];
      return d.length ? stats(d.slice(-MOVES)).p50 : NaN;
    };
    const a = stats(now.times);
    if (prev?.page) {
      const b = stats(prev.times);
      console.log(
        `${move.path.padEnd(13)} ${move.name.padEnd(31)} ${f(a.p50, 8)} ${f(a.p95, 8)} ${f(a.max, 8)}   ${f(b.p50, 8)} ${f(b.p95, 8)} ${f(b.max, 8)}   ${(b.p50 / a.p50).toFixed(2).padStart(8)}× ${(b.p95 / a.p95).toFixed(2).padStart(8)}×   ${f(await model(now), 5)} / ${f(await model(prev), 5)}`
      );
    } else {
      console.log(`${move.path.padEnd(13)} ${move.name.padEnd(31)} ${f(a.p50)}   ${f(a.p95)}   ${f(a.max)}   ${f(await model(now))}`);
    }
    for (const side of sides) await side.page!.close();
  }
  console.log(`load average after the latency runs: ${load()}`);

  console.log("\nPage weight: JS + CSS loaded by each page (kB; gzip level 6)");
  console.log("page          files   raw kB   gzip kB   data (JSON) gzip kB");
  for (const path of WEIGHT_PAGES) {
    const page = await browser.newPage();
    const bodies: {type: string; size: number; gzip: number}[] = [];
    page.on("response", async (response) => {
      const type = response.request().resourceType();
      if (!["script", "stylesheet", "fetch", "xhr"].includes(type)) return;
      try {
        const body = await response.body();
        bodies.push({type: response.url().endsWith(".json") ? "data" : type === "fetch" || type === "xhr" ? "script" : type, size: body.length, gzip: gzipSync(body, {level: 6}).length});
      } catch {
        // a redirect or an aborted response has no body
      }
    });
    const response = await page.goto(url + path, {waitUntil: "networkidle"});
    if (!response || response.status() !== 200) {
      console.log(`${path.padEnd(13)} (not built; skipped)`);
      await page.close();
      continue;
    }
    const code = bodies.filter((b) => b.type !== "data");
    const data = bodies.filter((b) => b.type === "data");
    const kb = (n: number) => (n / 1024).toFixed(0);
    console.log(`${path.padEnd(13)} ${String(code.length).padStart(5)}   ${kb(code.reduce((s, b) => s + b.size, 0)).padStart(6)}   ${kb(code.reduce((s, b) => s + b.gzip, 0)).padStart(7)}   ${kb(data.reduce((s, b) => s + b.gzip, 0)).padStart(6)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  prevServer?.server.close();
}
