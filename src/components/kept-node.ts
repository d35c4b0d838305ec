/**
 * Elements a cell shows again when it re-runs: a chart frame (chart-frame.ts) or a table updated in
 * place (the comparison's table) stays attached instead of being taken off the page and put back.
 *
 * When a cell re-runs, Framework removes the nodes it displayed (`node.remove()`) and inserts the new
 * value before the cell's marker (`parent.insertBefore(node, marker)`, each node of an array in turn).
 * For an element the cell hands out again, both are skipped:
 *  - `keepable(element)` makes its `remove` skip the one removal after `reuse(element)` in the same task;
 *  - the skipped removal leaves the element where it is, and the parent's next `insertBefore` of it does
 *    nothing when it would not change the order. The DOM standard makes an insertion at a node's own
 *    place a removal and an insertion too, and Chromium then builds the node's whole layout tree again.
 *    For an array (the comparison's four charts) the element is "in place" when only elements still
 *    waiting for their own insertion lie between it and the marker.
 * The parent's `insertBefore` is overridden as its own property while insertions are pending, and the
 * override is removed after the last one or at the end of the task.
 */
import {addForThisTask} from "./chart-memo.js";

/** Elements handed out again in this task (cleared after the task). */
const reused = new Set<Element>();
/** Per parent, the kept elements whose re-insertion is still to come. */
const pending = new WeakMap<Node, Set<Node>>();

/** Makes `element`'s removal skippable (once per `reuse`). Call once, when the element is created. */
export function keepable(element: Element): void {
  element.remove = function (this: Element) {
    if (reused.delete(this)) {
      skipNextInsert(this);
      return;
    }
    Element.prototype.remove.call(this);
  };
}

/** `element` (made `keepable`) is displayed again by the cell running now: it stays on the page. */
export function reuse(element: Element): void {
  addForThisTask(reused, element);
}

/** Whether `element` was already handed out in this task (a second chart with the same key gets its own). */
export function isReused(element: Element): boolean {
  return reused.has(element);
}

function skipNextInsert(node: Element): void {
  const parent = node.parentNode;
  if (!parent) return;
  let waiting = pending.get(parent);
  if (!waiting) {
    // a parent with an insertBefore of its own (not ours) is left alone
    if (Object.prototype.hasOwnProperty.call(parent, "insertBefore")) return;
    const own = (waiting = new Set<Node>());
    pending.set(parent, own);
    const release = (): void => {
      if (pending.get(parent) !== own) return;
      pending.delete(parent);
      delete (parent as {insertBefore?: unknown}).insertBefore;
    };
    const insertBefore = function <T extends Node>(this: Node, child: T, before: Node | null): T {
      const skip = own.delete(child) && child.parentNode === this && onlyWaitingBetween(child, before, own);
      if (own.size === 0) release();
      return skip ? child : (Node.prototype.insertBefore.call(this, child, before) as T);
    };
    Object.defineProperty(parent, "insertBefore", {value: insertBefore, configurable: true, writable: true});
    // a kept element the cell did not display after all: the override does not outlive the task
    setTimeout(release, 0);
  }
  waiting.add(node);
}

/** True when every node from `node`'s next sibling up to `before` is still waiting for its insertion. */
function onlyWaitingBetween(node: Node, before: Node | null, waiting: Set<Node>): boolean {
  for (let n = node.nextSibling; n !== before; n = n.nextSibling) if (n === null || !waiting.has(n)) return false;
  return true;
}
