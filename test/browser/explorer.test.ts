import axe from "axe-core";
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import config from "../../observablehq.config.js";
import {openPage, parseDutchNumber, screenshot, setSlider, waitForChange, currentUrl} from "./harness.js";

describe("opvang page", () => {
  test("more emergency places lower the largest shortage shown, and the URL records the change", async () => {
    const {page, consoleErrors, close} = await openPage("/opvang");
    const before = await page.locator("#max-tekort").innerText();
    await setSlider(page, "capacity_emergency", 60000);
    const after = await waitForChange(page, "#max-tekort", before);
    expect(parseDutchNumber(after)).toBeLessThan(parseDutchNumber(before));
    expect(decodeURIComponent((await currentUrl(page)))).toContain("capacity_emergency:60000");
    expect(consoleErrors).toEqual([]);
    await screenshot(page, "opvang-noodopvang-60000");
    await close();
  });

  test("keyboard: arrow keys move a slider and the page follows", async () => {
    const {page, close} = await openPage("/opvang");
    const before = await page.locator("#max-tekort").innerText();
    const slider = page.locator('[data-parameter="capacity_emergency"] input[type=range]');
    await slider.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
    const after = await waitForChange(page, "#max-tekort", before);
    expect(parseDutchNumber(after)).toBeLessThan(parseDutchNumber(before));
    await close();
  });

  test("a permalink reproduces the view exactly", async () => {
    const first = await openPage("/opvang");
    const before = await first.page.locator("#piek-bezetting").innerText();
    await setSlider(first.page, "reception_leave_days", 0);
    await setSlider(first.page, "capacity_stable", 50000);
    await waitForChange(first.page, "#kosten-2025", await first.page.locator("#kosten-2025").innerText()).catch(() => "");
    const url = new URL((await currentUrl(first.page)));
    const numbers = await Promise.all(["#piek-bezetting", "#max-tekort", "#kosten-2025"].map((s) => first.page.locator(s).innerText()));
    await first.close();
    const second = await openPage(url.pathname + url.search);
    const again = await Promise.all(["#piek-bezetting", "#max-tekort", "#kosten-2025"].map((s) => second.page.locator(s).innerText()));
    expect(again).toEqual(numbers);
    expect(before).toBeTruthy();
    await second.close();
  });
});

describe("print", () => {
  test("printing a page gives the inputs, the key outputs, the sources and the permalink without the controls", async () => {
    const {page, close} = await openPage("/opvang?o=capacity_emergency:40000");
    await page.emulateMedia({media: "print"});
    expect(await page.locator(".controls").isVisible()).toBe(false);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    expect(await page.locator(".input-summary").innerText()).toMatch(/Noodopvangplekken.*40\.000/);
    expect(await page.locator(".permalink-url").innerText()).toContain("capacity_emergency%3A40000");
    expect(await page.locator("#piek-bezetting").isVisible()).toBe(true);
    expect(await page.locator("figcaption").first().isVisible()).toBe(true);
    await page.pdf({path: "test-results/opvang-print.pdf", format: "A4"});
    await close();
  });
});

describe("maatregelen page", () => {
  test("switching a measure on changes the outcome; switching it off restores the baseline number", async () => {
    const {page, consoleErrors, close} = await openPage("/maatregelen");
    const cell = '#effecten tr[data-key="wachtend"] td:nth-child(3)';
    const baseline = await page.locator(cell).innerText();
    const toggle = page.locator('fieldset[data-measure="doorstroomlocaties"] input[type=checkbox]');
    await toggle.check();
    const on = await waitForChange(page, cell, baseline);
    expect(parseDutchNumber(on)).toBeLessThan(parseDutchNumber(baseline));
    expect((await currentUrl(page))).toContain("doorstroomlocaties");
    // An end month limits the measure: it is written into the URL and the outcome moves back towards the baseline.
    await page.locator('fieldset[data-measure="doorstroomlocaties"] input[type=month]').nth(1).fill("2025-11");
    const ended = await waitForChange(page, cell, on);
    expect(decodeURIComponent((await currentUrl(page))), "URL").toMatch(/doorstroomlocaties~\d{4}-\d{2}~1~2025-11/);
    expect(parseDutchNumber(ended)).toBeGreaterThan(parseDutchNumber(on));
    await toggle.uncheck();
    // Off again: the URL drops the measure and the cell returns to the baseline number (fails by timeout otherwise).
    await page.waitForFunction(([s, b]) => !location.search.includes("doorstroomlocaties") && document.querySelector(s)?.textContent === b, [cell, baseline] as const, {timeout: 15_000});
    expect(await page.locator(cell).innerText()).toBe(baseline);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("every catalogue entry shows its source and either a quantification or the reason there is none", async () => {
    const {page, close} = await openPage("/maatregelen");
    await page.waitForFunction(() => /\d/.test(document.querySelector("#aantal-maatregelen")?.textContent ?? ""), null, {timeout: 15_000});
    const total = parseDutchNumber(await page.locator("#aantal-maatregelen").innerText());
    const items = page.locator(".measure-item");
    expect(await items.count()).toBe(total);
    const texts = await items.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ""));
    for (const text of texts) {
      expect(text).toContain("Bron:");
      expect(text).toMatch(/Zo rekent het model ermee:|Niet gekwantificeerd:/);
    }
    await close();
  });
});

describe("crafted URLs", () => {
  test("a valid URL sets the controls and shows no notice", async () => {
    const {page, consoleErrors, close} = await openPage("/opvang?p=mpp-2025-ii-max&o=capacity_flex:10000");
    expect(await page.locator("#url-notices li").count()).toBe(0);
    expect(await page.locator('[data-parameter="capacity_flex"] output').innerText()).toBe("10.000");
    expect(await page.locator("select").first().evaluate((s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toContain("maximum");
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("an out-of-range value is clamped with a visible notice", async () => {
    const {page, close} = await openPage("/opvang?o=occupancy_rate:5");
    const notices = await page.locator("#url-notices li").allInnerTexts();
    expect(notices.join(" ")).toMatch(/Bezettingsgraad.*begrensd op 0,97/);
    // Assumptions sit in a closed <details>: read the readout's text content.
    expect(await page.locator('[data-parameter="occupancy_rate"] output').textContent()).toBe("97,0%");
    await close();
  });

  test("garbage is dropped with notices and never yields NaN", async () => {
    const {page, consoleErrors, close} = await openPage("/opvang?p=zzz&o=foo:bar,capacity_flex:abc,:&m=nope~x~y&zz=1");
    const notices = await page.locator("#url-notices li").allInnerTexts();
    expect(notices.length).toBeGreaterThanOrEqual(4);
    const text = await page.locator("#observablehq-main").innerText();
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(parseDutchNumber(await page.locator("#piek-bezetting").innerText())).toBeGreaterThan(0);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  test("script payloads in the URL are shown as text, never run or injected", async () => {
    const payload = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    const script = encodeURIComponent("<script>window.__pwned=2</script>");
    const {page, close} = await openPage(`/opvang?p=${script}&o=${payload}:1&m=${payload}~2024-01~1`);
    let dialogs = 0;
    page.on("dialog", () => dialogs++);
    expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(await page.locator("#observablehq-main script").count()).toBe(0);
    const notices = await page.locator("#url-notices").innerText();
    expect(notices).toContain("<img src=x");
    expect(dialogs).toBe(0);
    await screenshot(page, "opvang-script-payload");
    await close();
  });
});

describe("accessibility (axe-core)", () => {
  for (const path of ["/", ...config.pages.map((p: {path: string}) => p.path)]) {
    test(`${path} has no serious or critical axe violations`, async () => {
      const {page, close} = await openPage(path);
      await page.addScriptTag({content: axe.source});
      const result = await page.evaluate(async () => {
        const run = await (window as unknown as {axe: typeof axe}).axe.run(document, {resultTypes: ["violations"]});
        return run.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target.join(" ")}));
      });
      const serious = result.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
      await close();
    });
  }
});

describe("bronnen page", () => {
  test("lists every dataset, every parameter with its basis, and the calibration table", async () => {
    const {loadSources} = await import("../../loaders/sources.js");
    const {loadModelInputs} = await import("../../loaders/model-inputs.js");
    const {loadCalibration} = await import("../../loaders/calibration.js");
    const inputs = await loadModelInputs();
    const calibration = await loadCalibration();
    const {page, close} = await openPage("/bronnen");
    expect(await page.locator("table.bronnen-tabel tbody tr").count()).toBe(loadSources().length);
    expect(await page.locator("#parameters tbody tr").count()).toBe(inputs.parameters.length);
    expect(await page.locator("#kalibratie tbody tr").count()).toBe(calibration.calibration.rows.length);
    const occupancy = calibration.calibration.rows.find((r: {series: string}) => r.series === "coa_total")!;
    const row = page.locator(`#kalibratie tr[data-series="coa_total"]`).first();
    expect(parseDutchNumber(await row.locator("td").nth(2).textContent() ?? "")).toBe(occupancy.observed);
    await close();
  });
});

describe("downloads", () => {
  test("a chart's CSV, SVG and PNG carry its title, source and permalink", async () => {
    const {readFileSync} = await import("node:fs");
    const {page, consoleErrors, close} = await openPage("/opvang?o=capacity_emergency:30000");
    const frame = page.locator("figure.chart-frame").first();
    const save = async (label: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", {name: new RegExp(`^Download .*${label}`, "i")}).click()]);
      const path = await download.path();
      return {name: download.suggestedFilename(), bytes: readFileSync(path!)};
    };
    const csv = await save("CSV zoals getoond");
    expect(csv.name).toBe("bezetting-coa.csv");
    const text = csv.bytes.toString("utf8").replace(/^\ufeff/, "");
    const lines = text.split("\r\n");
    expect(lines[0].split(";")).toEqual(expect.arrayContaining(["maand", "bezetting COA — basis", "bezetting COA — jouw scenario", "bezetting COA — P10", "bezetting COA — P90"]));
    expect(text).toContain("Bezetting COA-opvang\r\n");
    expect(text).toMatch(/Bron: .+\r\nLink: http:\/\/127\.0\.0\.1:\d+\/opvang\?.*capacity_emergency%3A30000/);
    expect(lines.length).toBeGreaterThan(100); // 108 months
    const svg = (await save("grafiek als SVG")).bytes.toString("utf8");
    expect(svg).toContain("<svg");
    expect(svg).toContain("Bezetting COA-opvang");
    expect(svg).toContain("Bron: Asielketen Verkenner");
    expect(svg).toMatch(/Link: http:\/\/127\.0\.0\.1:\d+\/opvang\?/);
    const png = (await save("grafiek als PNG")).bytes;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(10_000);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

