/**
 * Reuse of rendered charts whose inputs did not change. A slider move re-runs every cell of a page
 * (Framework's reactivity), and the band's arrival re-runs them again; most charts on a page do not
 * change with every move (observed history, charts without a band when the band arrives, the
 * baseline-only charts). `memoChart(kind, data, options, build)` returns the element built last time
 * for exactly the same inputs (every number, string and the source of every function compared), so
 * Plot does not run and no new DOM is built for them.
 *
 * Functions (formatters) are compared by their source text: a chart function must not read state
 * from a closure that changes while its source stays the same (none on this site does; the
 * formatters are pure). An element is handed out at most once per task, so two identical charts on
 * one page still get two elements (but which of the two goes to which frame is not fixed: a page
 * should not show two charts with exactly the same inputs, caption and summary; none does).
 */

type Entry = {nums: Float64Array; element: Element};

/** Number of inputs kept (each a few kB of numbers and the chart's DOM). */
const LIMIT = 32;
const cache = new Map<string, Entry[]>();
let size = 0;
/** Elements handed out in the current task (cleared on the next task). */
const handedOut = new Set<Element>();

/** Flattens `value` into numbers and a string of everything else. */
class Fingerprint {
  nums = new Float64Array(1024);
  n = 0;
  text: string[] = [];
  reserve(count: number): void {
    if (this.n + count <= this.nums.length) return;
    const grown = new Float64Array(Math.max(this.nums.length * 2, this.n + count));
    grown.set(this.nums.subarray(0, this.n));
    this.nums = grown;
  }
  num(x: number): void {
    if (this.n === this.nums.length) this.reserve(1);
    this.nums[this.n++] = x;
  }
  add(value: unknown): void {
    switch (typeof value) {
      case "number":
        this.text.push("n");
        this.num(value);
        return;
      case "string":
        this.text.push(JSON.stringify(value));
        return;
      case "boolean":
      case "undefined":
        this.text.push(String(value));
        return;
      case "function":
        this.text.push(`f${value.toString()}`);
        return;
      case "bigint":
      case "symbol":
        this.text.push(String(value));
        return;
    }
    if (value === null) {
      this.text.push("null");
      return;
    }
    if (value instanceof Date) {
      this.text.push("D");
      this.num(value.getTime());
      return;
    }
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const a = value as unknown as ArrayLike<number>;
      this.text.push(`T${a.length}`);
      if (value instanceof Float64Array) {
        this.reserve(a.length);
        this.nums.set(value, this.n);
        this.n += a.length;
      } else for (let i = 0; i < a.length; i++) this.num(Number(a[i]));
      return;
    }
    if (Array.isArray(value)) {
      this.text.push(`[${value.length}`);
      for (const v of value) this.add(v);
      this.text.push("]");
      return;
    }
    this.text.push("{");
    for (const key of Object.keys(value as object)) {
      this.text.push(key);
      this.add((value as Record<string, unknown>)[key]);
    }
    this.text.push("}");
  }
}

function sameNumbers(a: Float64Array, b: Float64Array, n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

/** The element `build()` made last time for the same kind, data and options, or a new one. */
export function memoChart<D, O, E extends Element>(kind: string, data: D, options: O, build: (data: D, options: O) => E): E {
  const f = new Fingerprint();
  f.add(data);
  f.add(options);
  const key = `${kind}\u0000${f.text.join("\u0001")}`;
  const entries = cache.get(key);
  if (entries) {
    for (const entry of entries) {
      if (handedOut.has(entry.element) || !sameNumbers(entry.nums, f.nums, f.n)) continue;
      hand(entry.element);
      // most recently used last
      cache.delete(key);
      cache.set(key, entries);
      return entry.element as E;
    }
  }
  const element = build(data, options);
  const list = entries ?? [];
  list.push({nums: f.nums.slice(0, f.n), element});
  if (list.length > 2) list.shift();
  else size++;
  size = keepRecent(cache, key, list, size, LIMIT);
  hand(element);
  return element;
}

/**
 * Puts `list` last under `key` (most recently used) and drops the least recently used keys while more
 * than `limit` entries are kept (`size` of them now); returns how many are kept. Also used by live-chart.ts.
 */
export function keepRecent<T>(map: Map<string, T[]>, key: string, list: T[], size: number, limit: number): number {
  map.delete(key);
  map.set(key, list);
  while (size > limit) {
    const [oldest, old] = map.entries().next().value!;
    map.delete(oldest);
    size -= old.length;
  }
  return size;
}

function hand(element: Element): void {
  addForThisTask(handedOut, element);
}

/** Whether `element` was already handed out in this task (live-chart.ts must not redraw it again). */
export function isHandedOut(element: Element): boolean {
  return handedOut.has(element);
}

/** `element` was redrawn in place (live-chart.ts): the inputs it showed before no longer give it. */
export function forgetChart(element: Element): void {
  for (const [key, list] of cache) {
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].element === element) {
        list.splice(i, 1);
        size--;
      }
    }
    if (!list.length) cache.delete(key);
  }
}

/** Sets cleared at the end of the current task, and whether a clear is already scheduled. */
const scheduled = new WeakSet<Set<unknown>>();

/** Adds `item` to `set` and empties the set once the current task (this render) is over. */
export function addForThisTask<T>(set: Set<T>, item: T): void {
  set.add(item);
  if (scheduled.has(set)) return;
  scheduled.add(set);
  setTimeout(() => {
    set.clear();
    scheduled.delete(set);
  }, 0);
}

/**
 * `kept` now shows what `built` was built to show (chart-frame.ts moved the changed parts of `built`
 * into `kept`, which stays on the page): inputs that gave `built` give `kept` from now on, and the
 * inputs that gave `kept` are forgotten.
 */
export function adoptChart(kept: Element, built: Element): void {
  size -= adoptEntries(cache, kept, built);
  if (handedOut.delete(built)) hand(kept);
}

/**
 * In a map of kept chart elements (this memo's, live-chart.ts's registry): entries of `built` now
 * name `kept`, and the entries `kept` had are dropped; returns how many were dropped.
 */
export function adoptEntries<E extends Element>(map: Map<string, {element: E}[]>, kept: E, built: E): number {
  let dropped = 0;
  for (const [key, list] of map) {
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!.element === kept) {
        list.splice(i, 1);
        dropped++;
      } else if (list[i]!.element === built) list[i]!.element = kept;
    }
    if (!list.length) map.delete(key);
  }
  return dropped;
}

/** Forgets every kept chart (tests). */
export function clearChartMemo(): void {
  cache.clear();
  size = 0;
  handedOut.clear();
}
