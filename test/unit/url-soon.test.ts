// @vitest-environment jsdom
/**
 * The page's URL after a scenario change (links.ts replaceSearchSoon): written in the next task (after
 * the move's paint), once, with the newest scenario; read as the page's scenario before that (currentSearch);
 * written at once when a link is clicked, so the link carries the new scenario.
 */
import {afterEach, describe, expect, test, vi} from "vitest";
import {currentSearch, flushSearch, installLinkPropagation, replaceSearchSoon} from "../../src/explorer/links.js";

afterEach(() => {
  flushSearch();
  window.history.replaceState(null, "", "/ind");
  vi.unstubAllGlobals();
});

describe("the URL after a scenario change", () => {
  test("written in the next task, once, with the newest search; read as the page's scenario before", async () => {
    window.history.replaceState(null, "", "/ind");
    vi.stubGlobal("requestAnimationFrame", () => 0);
    const replace = vi.spyOn(window.history, "replaceState");
    replaceSearchSoon("?o=ind_decisions_per_month%3A3000");
    replaceSearchSoon("?o=ind_decisions_per_month%3A3100");
    expect(window.location.search).toBe("");
    expect(currentSearch()).toBe("?o=ind_decisions_per_month%3A3100");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.location.search).toBe("?o=ind_decisions_per_month%3A3100");
    expect(replace).toHaveBeenCalledTimes(1);
    replace.mockRestore();
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
