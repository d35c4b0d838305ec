/**
 * Page weight as the browser sees it: the JS and CSS a page requests when it opens stay within the
 * budget (scripts/page-weight.ts counts the same from the built files; check-dist enforces it), and a
 * section loaded on demand is not preloaded, arrives after the first render and shows its content.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {describe, expect, test} from "vitest";
import {DIST, PAGE_BUDGET_BYTES, pageWeight} from "../../scripts/page-weight.js";
import {openPage, siteUrl} from "./harness.js";

const PAGES = ["index", "instroom", "maatregelen", "bronnen"];

describe("page weight in the browser", () => {
  for (const name of PAGES) {
    test(`${name}: the JS + CSS requested at start is within ${PAGE_BUDGET_BYTES / 1024} KB gzip; on-demand code is not among it`, async () => {
      const weight = await pageWeight(join(DIST, `${name}.html`));
      const lazy = new Set(weight.lazy.map((f) => f.path));
      const {page, requests, close} = await openPage(`/${name}`, {fresh: true, networkIdle: true});
      try {
        const site = siteUrl();
        const files = [...new Set(requests.filter((u) => u.startsWith(site) && /\.(js|css)$/.test(new URL(u).pathname)).map((u) => decodeURIComponent(new URL(u).pathname.slice(1))))];
        // loaded at start = everything requested but the modules the page imports on demand (loaded after the first paint)
        const start = files.filter((f) => !lazy.has(f));
        const gzip = start.reduce((s, f) => s + gzipSync(readFileSync(join(DIST, f)), {level: 6}).length, 0);
        expect(gzip, `${name}: ${(gzip / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
        // the static count knows every file the browser asked for
        const counted = new Set(weight.code.map((f) => f.path));
        expect(start.filter((f) => !counted.has(f))).toEqual([]);
        // nothing that is imported on demand is preloaded
        const preloaded = await page.$$eval('link[rel="modulepreload"]', (ls) => ls.map((l) => (l as HTMLLinkElement).href));
        expect(preloaded.map((u) => decodeURIComponent(new URL(u).pathname.slice(1))).filter((f) => lazy.has(f))).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  test("pages that run the model preload its inputs from the start, and use the preload (one request, no warning)", async () => {
    for (const name of ["ind", "bronnen"]) {
      const {page, requests, consoleErrors, close} = await openPage(`/${name}`, {fresh: true, networkIdle: true});
      const warnings: string[] = [];
      page.on("console", (m) => void (m.type() === "warning" && warnings.push(m.text())));
      try {
        const preload = await page.$$eval('link[rel="preload"][as="fetch"]', (ls) => ls.map((l) => (l as HTMLLinkElement).href));
        expect(preload, name).toHaveLength(1);
        expect(preload[0], name).toMatch(/\/_file\/data\/model-inputs\.[0-9a-f]{8}\.json$/);
        // the page's own fetch of the file is served by the preload: the file is requested once
        expect(requests.filter((u) => u === preload[0]), name).toHaveLength(1);
        await page.waitForTimeout(3500); // Chromium warns ~3 s after load about a preload that was not used
        expect(warnings.filter((w) => /preload/i.test(w)), name).toEqual([]);
        expect(consoleErrors, name).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  test("the Shapley section of Maatregelen loads its code on demand and shows the waterfall and table", async () => {
    const {page, requests, consoleErrors, close} = await openPage("/maatregelen?m=doorstroomlocaties~2026-01~1", {fresh: true, networkIdle: true});
    try {
      expect(await page.locator('link[rel="modulepreload"][href*="shapley-ui"]').count()).toBe(0);
      await page.waitForSelector('[data-lazy="shapley"]:not([aria-busy]) .shapley-table tr[data-role="maatregel"]', {timeout: 15_000});
      expect(requests.some((u) => /\/_import\/explorer\/pages\/shapley-ui\.[0-9a-f]+\.js$/.test(u))).toBe(true);
      expect(await page.locator('[data-lazy="shapley"] .shapley-section figure svg').count()).toBeGreaterThan(0);
      expect(await page.locator(".lazy-loading").count()).toBe(0);
      // a later render (another outcome) draws at once, from the loaded module
      await page.locator(".shapley-select select").selectOption("backlog_2027");
      await page.waitForSelector('.shapley-outcome[data-outcome="backlog_2027"]');
      expect(consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
