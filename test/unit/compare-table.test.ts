// @vitest-environment jsdom
/**
 * The comparison's table (Vergelijken) is written in place when another pair with the same rows is
 * chosen: the same element stays on the page and reads exactly as a table built for the new pair.
 */
import {beforeAll, describe, expect, test, vi} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {compare, compareTable, csvButton, writeCompareUrl} from "../../src/explorer/pages/compare.js";
import type {ModelInputs} from "../../src/model/types.js";

let inputs: ModelInputs;
beforeAll(async () => {
  inputs = await loadModelInputs();
});
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("comparison table", () => {
  test("another pair: the same element, caption and cells as a table built for that pair", async () => {
    const first = compareTable(compare(inputs, {a: "mpp-2023-i-min", b: "mpp-2023-i-max"}, ""));
    document.body.append(first);
    await nextTask();
    const second = compare(inputs, {a: "mpp-2024-ii-max", b: "mpp-2023-i-max"}, "");
    const kept = compareTable(second);
    expect(kept).toBe(first);
    // a table built for the second pair (the kept one is off the page, so a new one is built)
    await nextTask();
    kept.remove();
    const built = compareTable(second);
    expect(built).not.toBe(kept);
    expect(kept.outerHTML).toBe(built.outerHTML);
    expect(kept.querySelector("caption")!.textContent).toContain(second.a.label);
    // the pair changed the figures in column A
    const a = [...kept.querySelectorAll("td[data-col=a]")].map((td) => td.textContent);
    document.body.replaceChildren(compareTable(compare(inputs, {a: "mpp-2023-i-min", b: "mpp-2023-i-max"}, "")));
    expect([...document.body.querySelectorAll("td[data-col=a]")].map((td) => td.textContent)).not.toEqual(a);
  });

  test("a table handed out once in a task is not handed out again in it", async () => {
    document.body.replaceChildren();
    const first = compareTable(compare(inputs, {a: "mpp-2023-i-min", b: "mpp-2023-i-max"}, ""));
    document.body.append(first);
    await nextTask();
    const again = compareTable(compare(inputs, {a: "mpp-2024-ii-max", b: "mpp-2023-i-max"}, ""));
    const second = compareTable(compare(inputs, {a: "mpp-2024-ii-max", b: "mpp-2023-i-max"}, ""));
    expect(again).toBe(first);
    expect(second).not.toBe(first);
  });

  test("the CSV right after a choice names the new pair in its link (the URL is written first)", async () => {
    window.history.replaceState(null, "", "/vergelijken");
    const c = compare(inputs, {a: "mpp-2024-ii-max", b: "mpp-2023-i-max"}, "");
    writeCompareUrl(c);
    // the URL follows once the choice rests; the download comes before that
    expect(window.location.search).toBe("");
    const blobs: Blob[] = [];
    vi.stubGlobal("URL", Object.assign(class extends URL {}, {createObjectURL: (b: Blob) => (blobs.push(b), "blob:x"), revokeObjectURL: () => undefined}));
    try {
      csvButton(c).click();
    } finally {
      vi.unstubAllGlobals();
    }
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]!);
    });
    expect(text).toMatch(/^# Link: .*\/vergelijken\?.*a=mpp-2024-ii-max.*b=mpp-2023-i-max/m);
  });
});
