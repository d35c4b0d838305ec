// @vitest-environment jsdom
/**
 * Elements a cell displays again stay attached (kept-node.ts): Framework's removal and its re-insertion
 * before the cell's marker (client/main.js `clear` and `displayNode`, imitated here) change nothing in
 * the DOM for a kept element, also for an array of them, while the order the cell displays is kept.
 */
import {describe, expect, test} from "vitest";
import {isReused, keepable, reuse} from "../../src/components/kept-node.js";

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A cell's display as Framework 1.13.4 does it: remove the nodes shown, insert the new ones before the marker. */
function cell() {
  const parent = document.createElement("div");
  const marker = document.createComment(":cell:");
  parent.append(document.createTextNode("before "), marker);
  let nodes: Node[] = [];
  return {
    parent,
    display(value: Node[]) {
      for (const n of nodes) (n as ChildNode).remove();
      nodes = [];
      for (const n of value) {
        nodes.push(n);
        parent.insertBefore(n, marker);
      }
    }
  };
}

function element(name: string) {
  const e = document.createElement("figure");
  e.id = name;
  keepable(e);
  return e;
}

/** The childList mutations `run` causes in `parent`. */
async function mutations(parent: Node, run: () => void): Promise<number> {
  const seen: MutationRecord[] = [];
  const observer = new MutationObserver((records) => seen.push(...records));
  observer.observe(parent, {childList: true});
  run();
  await Promise.resolve();
  seen.push(...observer.takeRecords());
  observer.disconnect();
  return seen.length;
}

const ids = (parent: Element) => [...parent.children].map((e) => e.id);

/** A cell that displayed the kept elements `names` in an earlier task. */
async function shown(...names: string[]) {
  const c = cell();
  const els = names.map(element);
  c.display(els);
  await nextTask();
  return {c, els};
}

describe("kept nodes", () => {
  test("one element displayed again: never detached", async () => {
    const {c, els: [a]} = await shown("a");
    reuse(a!);
    expect(isReused(a!)).toBe(true);
    expect(await mutations(c.parent, () => c.display([a!]))).toBe(0);
    expect(a!.parentNode).toBe(c.parent);
    // the override is gone after the insertion
    expect(Object.prototype.hasOwnProperty.call(c.parent, "insertBefore")).toBe(false);
  });

  test("an array of four displayed again: none detached (each used to move behind the others)", async () => {
    const {c, els: four} = await shown("a", "b", "c", "d");
    for (const e of four) reuse(e);
    expect(await mutations(c.parent, () => c.display(four))).toBe(0);
    expect(ids(c.parent)).toEqual(["a", "b", "c", "d"]);
  });

  test("a new element among kept ones, and a new order: the page shows what the cell displays", async () => {
    const {c, els: [a, b, d]} = await shown("a", "b", "d");
    const x = element("x");
    for (const e of [a!, b!, d!]) reuse(e);
    c.display([a!, x, d!, b!]);
    expect(ids(c.parent)).toEqual(["a", "x", "d", "b"]);
  });

  test("without reuse in this task an element is removed as usual; a reuse does not outlive its task", async () => {
    const {c, els: [a]} = await shown("a");
    reuse(a!);
    await nextTask();
    expect(isReused(a!)).toBe(false);
    c.display([]);
    expect(a!.parentNode).toBeNull();
  });

  test("a kept element the cell does not display after all: the parent's own insertBefore is restored after the task", async () => {
    const {c, els: [a]} = await shown("a");
    reuse(a!);
    a!.remove();
    expect(Object.prototype.hasOwnProperty.call(c.parent, "insertBefore")).toBe(true);
    await nextTask();
    expect(Object.prototype.hasOwnProperty.call(c.parent, "insertBefore")).toBe(false);
  });
});
