/**
 * Narrow screens: at 390×844 (phone) and 1024×768 (small laptop) no page scrolls horizontally, also
 * after every details section and every "Tabel" view is opened; the skip link is the first thing a
 * keyboard reaches and moves focus to the main content.
 */
import {describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {openPage, screenshot} from "./harness.js";

const PAGES = ["/", ...config.pages.map((p: {path: string}) => p.path)];
const VIEWPORTS = [
  {width: 390, height: 844},
  {width: 1024, height: 768}
];

/** Widths that overflow: the document, and the elements sticking out past the right edge of the viewport. */
async function overflow(page: import("playwright-core").Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const offenders: string[] = [];
    const sticking = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > root.clientWidth + 1;
    };
    for (const el of document.querySelectorAll("#observablehq-main *")) {
      // Report only the outermost element of each overflowing subtree.
      if (sticking(el) && !(el.parentElement && sticking(el.parentElement))) offenders.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")} → ${Math.round(el.getBoundingClientRect().right)}`);
    }
    return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders: offenders.slice(0, 8)};
  });
}

describe("no horizontal overflow on narrow screens", () => {
  for (const viewport of VIEWPORTS) {
    for (const path of PAGES) {
      it(`${path} at ${viewport.width}×${viewport.height}`, async () => {
        const {page, close} = await openPage(path, viewport);
        try {
          await page.waitForTimeout(300);
          const closed = await overflow(page);
          // Open every details section and every table view, then measure again.
          await page.evaluate(() => {
            for (const d of document.querySelectorAll("details")) d.open = true;
            for (const b of document.querySelectorAll<HTMLButtonElement>("button.table-toggle[aria-expanded='false']")) b.click();
          });
          await page.waitForTimeout(200);
          const opened = await overflow(page);
          if (viewport.width === 390) await screenshot(page, `notes-${path === "/" ? "index" : path.slice(1)}-390`);
          console.log(`overflow ${path} ${viewport.width}: closed ${closed.scrollWidth}/${closed.clientWidth}, opened ${opened.scrollWidth}/${opened.clientWidth}`);
          expect(closed.scrollWidth, `closed: ${closed.offenders.join("; ")}`).toBeLessThanOrEqual(closed.clientWidth);
          expect(opened.scrollWidth, `opened: ${opened.offenders.join("; ")}`).toBeLessThanOrEqual(opened.clientWidth);
        } finally {
          await close();
        }
      });
    }
  }
});

describe("skip link", () => {
  it("is the first tab stop and moves focus to the main content", async () => {
    const {page, close} = await openPage("/opvang", {width: 390, height: 844});
    try {
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => ({text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute("href")}));
      expect(first).toEqual({text: "Naar de inhoud", href: "#observablehq-main"});
      await page.keyboard.press("Enter");
      // The next tab stop lies inside the main content.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("#observablehq-main")))).toBe(true);
    } finally {
      await close();
    }
  });
});
