/**
 * UI benchmark (prints figures; not a test): in headless Chromium against the built site,
 *  1. the time from a slider's input event to all charts of the page updated and painted, over
 *     MOVES moves per page (band of 200 runs included), as p50 / p95 / max;
 *  2. each page's JS + CSS, raw and gzip-compressed (what a web host serving gzip transfers).
 * Run `npm run build` first, then `npm run bench:ui`.
 */
import {gzipSync} from "node:zlib";
import {launchBrowser} from "../scripts/browser.js";
import {startServer} from "../scripts/static-server.js";

const MOVES = Number(process.env.MOVES ?? 60);

/** Pages with a slider to move: [path, parameter id, low, high]. */
const SLIDER_PAGES: [string, string, number, number][] = [
  ["/opvang", "capacity_emergency", 0, 60000],
  ["/instroom", "resettlement_per_year", 200, 1000],
  ["/ind", "ind_decisions_per_month", 1000, 6000],
  ["/uitstroom", "housing_realisation", 0.5, 1.1],
  ["/nareis", "nareis_request_share", 0.4, 0.95]
];
const WEIGHT_PAGES = ["/", "/instroom", "/ind", "/opvang", "/uitstroom", "/nareis", "/maatregelen", "/toekenning", "/bronnen"];

/** In-page code for one move: set the slider, fire "input", wait for the charts' render mark (chart frame) and a frame. */
const MOVE_SOURCE = `(async () => {
  const input = document.querySelector('[data-parameter=' + __ID__ + '] input[type=range]');
  const t0 = performance.now();
  input.value = String(__VALUE__);
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise((resolve, reject) => {
    const limit = t0 + 5000;
    (function check() {
      if ((performance.getEntriesByName("asielketen:render").at(-1)?.startTime || 0) > t0) requestAnimationFrame(() => resolve());
      else if (performance.now() > limit) reject(new Error("charts did not update within 5 s"));
      else requestAnimationFrame(check);
    })();
  });
  return performance.now() - t0;
})()`;

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];

const {server, url} = await startServer(0);
const browser = await launchBrowser();
try {
  console.log(`Slider input → all charts updated and painted (${MOVES} moves per page, headless Chromium)`);
  console.log("page          parameter                  p50 ms   p95 ms   max ms   model p50 ms (runs + band)");
  for (const [path, parameter, low, high] of SLIDER_PAGES) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const response = await page.goto(url + path, {waitUntil: "networkidle"});
    if (!response || response.status() !== 200 || (await page.locator(`[data-parameter="${parameter}"] input[type=range]`).count()) === 0) {
      console.log(`${path.padEnd(13)} (no slider "${parameter}" on this page; skipped)`);
      await page.close();
      continue;
    }
    const times: number[] = [];
    for (let i = 0; i < MOVES; i++) {
      const value = low + ((high - low) * ((i * 7) % MOVES)) / MOVES;
      // Passed as source text: tsx would otherwise wrap named inner functions in a helper the page lacks.
      times.push(await page.evaluate(MOVE_SOURCE.replace("__ID__", JSON.stringify(parameter)).replace("__VALUE__", String(value))));
    }
    times.sort((a, b) => a - b);
    const model = (await page.evaluate(`performance.getEntriesByName("asielketen:compute").map((e) => e.duration)`)) as number[];
    const modelSorted = model.slice(-MOVES).sort((a, b) => a - b);
    console.log(`${path.padEnd(13)} ${parameter.padEnd(26)} ${quantile(times, 0.5).toFixed(1).padStart(6)}   ${quantile(times, 0.95).toFixed(1).padStart(6)}   ${times.at(-1)!.toFixed(1).padStart(6)}   ${quantile(modelSorted, 0.5).toFixed(1).padStart(6)}`);
    await page.close();
  }

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
}
