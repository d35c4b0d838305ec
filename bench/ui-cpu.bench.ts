/**
 * UI CPU benchmark (prints figures; not a test): the renderer main thread's CPU time per slider move
 * (trace events' thread clock, so far less sensitive to a busy machine than wall time), this build
 * and the previous release (PREV_DIST, see docs/performance.md "UI latency") in turns: prev, now,
 * prev, now. Per move: the CPU of the tasks from the input to the paint of the point runs ("point"),
 * and of everything until the next move WAIT ms later ("total", with the band's re-render).
 * DETAIL=1 prints the point window per trace event (JS, layout, paint …). Run after `npm run build`:
 * `PREV_DIST=/tmp/prev/dist npx tsx bench/ui-cpu.bench.ts` (N moves, PAGES=/ind,/nareis).
 */
import os from "node:os";
import {launchBrowser} from "../scripts/browser.js";
import {startServer} from "../scripts/static-server.js";
const N = Number(process.env.N ?? 12);
const WAIT = Number(process.env.WAIT ?? 500);
const pages: [string, string, number, number, string?][] = [
  ["/ind", '[data-parameter="ind_decisions_per_month"] input[type=range]', 1000, 6000],
  ["/nareis", '[data-parameter="nareis_request_share"] input[type=range]', 0.4, 0.95],
  ["/opvang", '[data-parameter="capacity_emergency"] input[type=range]', 0, 60000],
  ["/instroom", '[data-parameter="resettlement_per_year"] input[type=range]', 200, 1000],
  ["/uitstroom", '[data-parameter="housing_realisation"] input[type=range]', 0.5, 1.1],
  ["/maatregelen", '[data-measure="asielnoodmaatregelenwet"] input[type=range]', 0, 2, "?m=asielnoodmaatregelenwet~2026-01~1"],
];
const only = process.env.PAGES?.split(",");
if (!process.env.PREV_DIST) throw new Error("set PREV_DIST to the dist/ of the previous release");
const now = await startServer(0);
const prev = await startServer(0, process.env.PREV_DIST);
const browser = await launchBrowser({full: true});
async function measure(base: string, [path, sel, low, high, q]: (typeof pages)[number]) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  await page.goto(base + path + (q ?? ""), {waitUntil: "networkidle"});
  await page.waitForSelector(sel, {state: "attached", timeout: 60000});
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  const events: any[] = [];
  cdp.on("Tracing.dataCollected", (e: any) => events.push(...e.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", {traceConfig: {includedCategories: ["devtools.timeline", "blink.user_timing", "toplevel"]}, transferMode: "ReportEvents"});
  for (let i = 0; i < N; i++) {
    const v = low + (high - low) * ((i * 7) % N) / N;
    await page.evaluate(`(async () => {
      const input = document.querySelector(${JSON.stringify(sel)});
      performance.mark("m:start");
      const t0 = performance.now(); input.value = "${v}"; input.dispatchEvent(new Event("input", {bubbles: true}));
      await new Promise((resolve) => { (function check() { if ((performance.getEntriesByName("asielketen:render").at(-1)?.startTime || 0) > t0) { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); } else requestAnimationFrame(check); })(); });
      performance.mark("m:painted");
      await new Promise((r) => setTimeout(r, ${WAIT}));
    })()`);
  }
  await cdp.send("Tracing.end");
  await done;
  await page.close();
  const marks = events.filter((e) => e.name === "m:start" || e.name === "m:painted").sort((a, b) => a.ts - b.ts);
  const tasks = events.filter((e) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.tdur);
  // main thread = the one that has the marks
  const main = marks[0] ? `${marks[0].pid}:${marks[0].tid}` : "";
  const mt = tasks.filter((e) => `${e.pid}:${e.tid}` === main);
  const starts = marks.filter((m) => m.name === "m:start");
  const painted = marks.filter((m) => m.name === "m:painted");
  let point = 0, total = 0;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i].ts, p = painted[i]?.ts ?? s, e = starts[i + 1]?.ts ?? Infinity;
    for (const t of mt) {
      if (t.ts + t.dur < s - 1 || t.ts >= e) continue;
      total += t.tdur;
      if (t.ts < p) point += t.tdur * Math.min(1, Math.max(0, (Math.min(p, t.ts + t.dur) - t.ts) / t.dur));
    }
  }
  const byName = new Map<string, number>();
  const names = ["FireAnimationFrame", "FunctionCall", "RunMicrotasks", "EventDispatch", "TimerFire", "Layout", "UpdateLayoutTree", "Paint", "PrePaint", "Commit", "Layerize", "MinorGC", "MajorGC", "IntersectionObserverController::computeIntersections", "HitTest", "ParseHTML"];
  const ev = events.filter((e) => e.ph === "X" && `${e.pid}:${e.tid}` === main && names.includes(e.name) && e.tdur);
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i].ts, p = painted[i]?.ts ?? s;
    for (const e of ev) if (e.ts >= s && e.ts < p) byName.set(e.name, (byName.get(e.name) ?? 0) + e.tdur);
  }
  if (process.env.DETAIL) console.log(base, [...byName].sort((a, b) => b[1] - a[1]).map(([k, t]) => `${k} ${(t / 1000 / starts.length).toFixed(1)}`).join(" | "));
  return {point: point / 1000 / starts.length, total: total / 1000 / starts.length};
}
console.log(`main-thread CPU per move (ms, thread clock), ${N} moves, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
for (const p of pages) {
  if (only && !only.includes(p[0])) continue;
  const a = await measure(prev.url, p), b = await measure(now.url, p), a2 = await measure(prev.url, p), b2 = await measure(now.url, p);
  const avg = (x: any, y: any) => ({point: (x.point + y.point) / 2, total: (x.total + y.total) / 2});
  const P = avg(a, a2), M = avg(b, b2);
  console.log(`${p[0].padEnd(13)} prev: point ${P.point.toFixed(1).padStart(6)}  total ${P.total.toFixed(1).padStart(6)}   now: point ${M.point.toFixed(1).padStart(6)}  total ${M.total.toFixed(1).padStart(6)}   ratio point ${(P.point / M.point).toFixed(2)}× total ${(P.total / M.total).toFixed(2)}×`);
}
await browser.close(); now.server.close(); prev.server.close();
