/**
 * Publishing the built site: a plain static host (no URL rewriting) under a subpath, a strict
 * Content-Security-Policy, file:// and JavaScript switched off. Each test starts its own server on
 * dist/ (scripts/static-server.ts) with the host's behaviour.
 */
import type {Server} from "node:http";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {launchBrowser} from "../../scripts/browser.js";
import {CSP, SECURITY_HEADERS} from "../../scripts/csp.js";
import {DIST, startServer} from "../../scripts/static-server.js";
import {FILE_NOTICE_TEXT, NOTICE_TEXT} from "../../scripts/postbuild.js";
import config from "../../observablehq.config.js";
import {waitForSettled} from "./harness.js";

const PAGES = ["index", ...config.pages.map((p: {path: string}) => p.path.slice(1))];

let browser: Browser;
const servers: Server[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
});

async function serve(options: Parameters<typeof startServer>[2]): Promise<string> {
  const {server, url} = await startServer(0, DIST, options);
  servers.push(server);
  return url;
}

interface Visit {
  failures: string[];
  links: string[];
  page: Page;
}

/**
 * Opens `url`, records every failed request, console error and CSP violation, and returns the page's
 * links. Visits that share a `context` share its cache, as one visitor's browser does (a file that
 * failed would have failed on its first request, which was recorded).
 */
async function visit(url: string, origin: string, context: Browser | BrowserContext = browser): Promise<Visit> {
  const page = await context.newPage();
  const failures: string[] = [];
  page.on("console", (m) => m.type() === "error" && failures.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => failures.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => failures.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && failures.push(`HTTP ${r.status()} for ${r.url()}`));
  await page.exposeFunction("__cspViolation", (text: string) => failures.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as {__cspViolation(t: string): void}).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)
    );
  });
  await page.goto(url, {waitUntil: "networkidle"});
  // scenario pages draw their band when the band worker answers: compare settled pages that have
  // re-rendered their charts with it (no chart render for 500 ms)
  await waitForSettled(page, {quietMs: 500});
  for (const e of await page.locator(".observablehq--error").allInnerTexts()) failures.push(`rendered error: ${e.trim()}`);
  const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  return {failures, page, links: links.filter((l) => l.startsWith(origin))};
}

describe("a plain static host without URL rewriting, under a subpath", () => {
  test("every internal link, search result and data file loads: 0 failures", async () => {
    const root = await serve({rewrite: false, base: "/verkenner/"});
    const queue = [`${root}/`];
    const seen = new Set<string>();
    const failures: string[] = [];
    let searchResults: string[] = [];
    const visitor = await browser.newContext();
    while (queue.length) {
      const url = queue.shift()!;
      const key = url.split("#")[0];
      if (seen.has(key)) continue;
      seen.add(key);
      const v = await visit(key, root, visitor);
      failures.push(...v.failures.map((f) => `${key}: ${f}`));
      if (seen.size === 1) {
        // the site search, as a user types in it
        await v.page.locator("#observablehq-search input").fill("opvang");
        await v.page.waitForSelector("#observablehq-search-results a", {timeout: 10_000});
        searchResults = await v.page.$$eval("#observablehq-search-results a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
        v.links.push(...searchResults);
      }
      await v.page.close();
      for (const link of v.links) if (!seen.has(link.split("#")[0])) queue.push(link);
    }
    await visitor.close();
    expect(failures).toEqual([]);
    expect(searchResults.length).toBeGreaterThan(0);
    // all pages reached, among them links that carry a scenario in the query (chain diagram, page links)
    for (const page of PAGES) expect([...seen].some((u) => u.startsWith(`${root}/${page}.html`)), page).toBe(true);
    expect([...seen].some((u) => u.includes(".html?"))).toBe(true);
    console.error(`publish: crawled ${seen.size} URLs on a plain host under /verkenner/, ${failures.length} failures`);
  }, 300_000);

  test("a missing page answers 404 with a Dutch page", async () => {
    const root = await serve({rewrite: false});
    const page = await browser.newPage();
    const response = await page.goto(`${root}/bestaat-niet`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator("h1").innerText()).toBe("Pagina niet gevonden");
    await page.close();
  });
});

describe("a strict Content-Security-Policy", () => {
  test("the policy has no 'unsafe-inline' or hashes for scripts", () => {
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CSP).not.toMatch(/script-src[^;]*(unsafe|sha256)/);
  });

  test("every page renders the same charts and controls as without the policy, with 0 violations", async () => {
    const plain = await serve({});
    const strict = await serve({headers: SECURITY_HEADERS});
    const counts = (p: Page) =>
      p.evaluate(() => ({
        charts: document.querySelectorAll("#observablehq-main svg").length,
        controls: document.querySelectorAll("#observablehq-main input, #observablehq-main select").length,
        notice: document.getElementById("av-script-notice") !== null
      }));
    const all: string[] = [];
    // one visitor per host (the policy comes with each page, and applies to cached scripts too)
    const [plainVisitor, strictVisitor] = [await browser.newContext(), await browser.newContext()];
    for (const name of PAGES) {
      const reference = await visit(`${plain}/${name}.html`, plain, plainVisitor);
      const expected = await counts(reference.page);
      await reference.page.close();
      const v = await visit(`${strict}/${name}.html`, strict, strictVisitor);
      const response = await v.page.request.get(`${strict}/${name}.html`);
      expect(response.headers()["content-security-policy"]).toBe(CSP);
      const got = await counts(v.page);
      all.push(...v.failures.map((f) => `${name}: ${f}`));
      expect(got, name).toEqual(expected);
      expect(got.notice, name).toBe(false);
      await v.page.close();
    }
    await Promise.all([plainVisitor.close(), strictVisitor.close()]);
    expect(all).toEqual([]);
  }, 300_000);

  test("chart-heavy pages really draw charts and controls under the policy", async () => {
    const strict = await serve({headers: SECURITY_HEADERS});
    for (const name of ["opvang", "toekenning", "instroom"]) {
      const v = await visit(`${strict}/${name}.html`, strict);
      expect(await v.page.locator("#observablehq-main svg").count(), name).toBeGreaterThan(0);
      expect(await v.page.locator("#observablehq-main input").count(), name).toBeGreaterThan(0);
      expect(v.failures, name).toEqual([]);
      await v.page.close();
    }
  });
});

test("under the policy, a table header still sorts on click (htl handlers without inline attributes)", async () => {
  const strict = await serve({headers: SECURITY_HEADERS});
  const v = await visit(`${strict}/toekenning.html`, strict);
  const th = v.page.locator("#observablehq-main form table thead th").nth(1);
  await th.scrollIntoViewIfNeeded();
  expect(await th.locator("span").innerText()).toBe("");
  await th.click();
  await expect.poll(() => th.locator("span").innerText()).not.toBe("");
  expect(v.failures).toEqual([]);
  await v.page.close();
});

describe("when scripts cannot run, the page says so in Dutch", () => {
  test("opened from disk (file://)", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(DIST, "opvang.html")).href);
    const notice = page.locator("#av-script-notice");
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toBe(FILE_NOTICE_TEXT);
    await page.close();
  });

  test("with JavaScript switched off", async () => {
    const root = await serve({});
    const context = await browser.newContext({javaScriptEnabled: false});
    const page = await context.newPage();
    await page.goto(`${root}/opvang.html`);
    const notice = page.locator("#av-script-notice");
    await expect.poll(() => notice.isVisible(), {timeout: 5000}).toBe(true);
    expect(await notice.innerText()).toBe(NOTICE_TEXT);
    await context.close();
  });

  test("a page whose scripts run shows no notice", async () => {
    const root = await serve({});
    const page = await browser.newPage();
    await page.goto(`${root}/opvang.html`, {waitUntil: "networkidle"});
    await page.waitForTimeout(2500);
    expect(await page.locator("#av-script-notice").count()).toBe(0);
    await page.close();
  });
});

describe("validity warnings on the pages", () => {
  test("a scenario beyond the tested range shows the Dutch warning; the baseline does not", async () => {
    const root = await serve({});
    const base = await visit(`${root}/opvang.html`, root);
    expect(await base.page.locator(".validity-notice").isVisible()).toBe(false);
    await base.page.close();
    const high = await visit(`${root}/opvang.html?p=mpp-2023-max`, root);
    const notice = high.page.locator(".validity-notice");
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toMatch(/Buiten het bereik waarop het model is getoetst\.[\s\S]*De bezetting van de COA-opvang komt in [a-z]+ \d{4}|De bezetting van de COA-opvang/);
    expect(high.failures).toEqual([]);
    await high.page.close();
  });
});
