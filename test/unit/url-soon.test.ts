// @vitest-environment jsdom
/**
 * The page's URL after a scenario change (links.ts replaceSearchSoon): written once the input rests,
 * once, with the newest scenario, and the links with it; read as the page's scenario before that (currentSearch);
 * written at once when a link is clicked, so the link carries the new scenario.
 */
import {afterEach, describe, expect, test, vi} from "vitest";
import {currentSearch, flushSearch, installLinkPropagation, replaceSearchSoon, URL_QUIET_MS} from "../../src/explorer/links.js";

afterEach(() => {
  flushSearch();
  window.history.replaceState(null, "", "/ind");
  vi.unstubAllGlobals();
});

describe("the URL after a scenario change", () => {
  test("written once the input rests, once, with the newest search; read as the page's scenario before", async () => {
    vi.useFakeTimers();
    try {
      window.history.replaceState(null, "", "/ind");
      const replace = vi.spyOn(window.history, "replaceState");
      document.body.innerHTML = `<a id="to-nareis" href="./nareis">Nareis</a>`;
      // a drag: three changes 40 ms apart
      replaceSearchSoon("?o=ind_decisions_per_month%3A3000");
      await vi.advanceTimersByTimeAsync(40);
      replaceSearchSoon("?o=ind_decisions_per_month%3A3050");
      await vi.advanceTimersByTimeAsync(40);
      replaceSearchSoon("?o=ind_decisions_per_month%3A3100");
      expect(document.documentElement.dataset.url).toBe("pending");
      expect(currentSearch()).toBe("?o=ind_decisions_per_month%3A3100");
      await vi.advanceTimersByTimeAsync(URL_QUIET_MS - 1);
      expect(window.location.search).toBe("");
      expect(replace).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(window.location.search).toBe("?o=ind_decisions_per_month%3A3100");
      expect(replace).toHaveBeenCalledTimes(1);
      expect(document.documentElement.dataset.url).toBeUndefined();
      // the links follow with it
      expect(document.getElementById("to-nareis")!.getAttribute("href")).toBe("./nareis.html?o=ind_decisions_per_month%3A3100");
      replace.mockRestore();
    } finally {
      vi.useRealTimers();
    }
  });

  test("a click on a link before the paint writes the URL and gives the link the new scenario", () => {
    window.history.replaceState(null, "", "/ind");
    vi.stubGlobal("requestAnimationFrame", () => 0);
    document.body.innerHTML = `<a id="to-opvang" href="./opvang">Opvang</a>`;
    installLinkPropagation();
    replaceSearchSoon("?o=ind_decisions_per_month%3A2000");
    const a = document.getElementById("to-opvang") as HTMLAnchorElement;
    // the click handler runs in the capture phase, before navigation (stopped here: jsdom does not navigate)
    a.addEventListener("click", (event) => event.preventDefault());
    a.click();
    expect(window.location.search).toBe("?o=ind_decisions_per_month%3A2000");
    expect(a.getAttribute("href")).toBe("./opvang.html?o=ind_decisions_per_month%3A2000");
  });
});
