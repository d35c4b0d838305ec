// @vitest-environment jsdom
/**
 * A chart frame on the page is updated in place when its chart changes (chart-frame.ts): the same
 * frame element, an unchanged caption node kept, Plot's SVG replaced, the observations and the legend
 * read from the new chart, and the frame survives the one removal Framework makes before showing it.
 */
import {describe, expect, test} from "vitest";
import {chartFrame, fullRowsOf, legendOf} from "../../src/components/chart-frame.js";
import {scenarioChart} from "../../src/components/scenario-chart.js";

const values = (a: number) => Float64Array.from({length: 24}, (_, i) => a + i * 100);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const chart = (scenario: number, observed = 40800) =>
  scenarioChart(
    {start: "2024-01", lines: [{role: "baseline", label: "basis", values: values(40000)}, {role: "scenario", label: "jouw scenario", values: values(scenario)}], observed: [{date: new Date(Date.UTC(2024, 5, 1)), value: observed, label: "COA"}]},
    {width: 640, yLabel: "personen", lastObserved: "2024-09", caption: "Bezetting (gemodelleerd).", summary: `Bezetting ${scenario}.`}
  );
const options = (rows: number) => ({title: "Bezetting", source: "Asielketen Verkenner, ketenmodel (gemodelleerd)", permalink: () => "http://x/", rows: () => [{maand: "2024-01", waarde: rows}], filename: "bezetting-test"});

/** What Framework does when a cell shows a new value: remove the old node, insert the new one at the same place. */
function display(root: Comment, old: Node | null, value: Node): void {
  (old as ChildNode | null)?.remove();
  root.parentNode!.insertBefore(value, root);
}

describe("chart frame updated in place", () => {
  test("same frame, caption kept, SVG replaced, observations and summary of the new chart", async () => {
    const main = document.createElement("main");
    const root = document.createComment("cell");
    main.append(root);
    document.body.append(main);
    const first = chartFrame(chart(39000), options(1));
    display(root, null, first);
    const caption = first.querySelector("figcaption")!;
    const svg = first.querySelector("svg[class^=plot]")!;
    await nextTask();
    const second = chartFrame(chart(35000, 41000), options(2));
    expect(second).toBe(first);
    display(root, first, second);
    expect(second.isConnected).toBe(true);
    expect(main.querySelectorAll("figure.chart-frame")).toHaveLength(1);
    expect(second.querySelector("figcaption")).toBe(caption);
    expect(second.querySelector("svg[class^=plot]")).not.toBe(svg);
    expect(second.querySelector(".sr-only")!.textContent).toBe("Bezetting 35000.");
    expect(second.querySelector("figure.scenario-chart")!.getAttribute("aria-label")).toBe("Bezetting 35000.");
    expect(legendOf(second).map((d) => d.label)).toEqual(["basis", "jouw scenario", "waargenomen"]);
    expect(fullRowsOf(second.querySelector("figure.scenario-chart")!, options(2)).at(-1)).toMatchObject({waarde: 41000});
    // the same inputs again: nothing changes
    await nextTask();
    const inner = second.querySelector("svg[class^=plot]");
    expect(chartFrame(chart(35000, 41000), options(3))).toBe(first);
    expect(second.querySelector("svg[class^=plot]")).toBe(inner);
    // a real removal later still removes it
    await nextTask();
    second.remove();
    expect(second.isConnected).toBe(false);
    main.remove();
  });
});
