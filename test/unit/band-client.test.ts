// @vitest-environment jsdom
/**
 * The band client (band-client.ts) with a stand-in worker: only the newest request is answered, and
 * no band starts until the input has paused for the quiet time (a single move; the last move of a drag).
 */
import {afterEach, beforeEach, describe, expect, test, vi} from "vitest";
import {createBandClient} from "../../src/explorer/band-client.js";
import type {BandOutput, ModelInputs, Scenario} from "../../src/model/types.js";

class FakeWorker {
  static last: FakeWorker | null = null;
  posted: {id: number}[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: {id: number}): void {
    this.posted.push(message);
  }
  terminate(): void {}
  /** The worker answers its oldest unanswered request. */
  answer(): void {
    const m = this.posted[this.answered++]!;
    this.onmessage!({data: {id: m.id, band: {answer: m.id}}} as unknown as MessageEvent);
  }
  answered = 0;
}

const inputs = {} as ModelInputs;
const scenario = (k: number) => ({name: `s${k}`}) as unknown as Scenario;
let clock = 0;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("Worker", FakeWorker);
  clock = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const client = () => createBandClient(inputs, {now: () => clock, quietMs: 120});
const advance = async (ms: number) => {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
};

describe("band client", () => {
  test("runs in the worker; a single move starts its band once the input has paused", async () => {
    const c = client();
    expect(c.mode).toBe("worker");
    const band = c.request(scenario(1), ["backlog_total"], 1000, 42);
    // not while the page draws the point run
    expect(FakeWorker.last!.posted).toHaveLength(0);
    await advance(119);
    expect(FakeWorker.last!.posted).toHaveLength(0);
    await advance(1);
    expect(FakeWorker.last!.posted).toHaveLength(1);
    FakeWorker.last!.answer();
    expect(await band).toEqual({answer: 1});
  });

  test("a drag: the bands of the moves in between are never computed, the last starts once input pauses", async () => {
    const c = client();
    const w = FakeWorker.last!;
    const answers: (BandOutput | null)[] = [];
    // moves every 40 ms
    for (let k = 1; k <= 6; k++) {
      if (k > 1) await advance(40);
      void c.request(scenario(k), ["backlog_total"], 1000, 42).then((b) => answers.push(b));
    }
    // the input has not paused: nothing started
    expect(w.posted).toHaveLength(0);
    await advance(100);
    expect(w.posted).toHaveLength(0);
    await advance(20);
    // 120 ms after the last move: the newest request (generation 6) starts, the others resolved to null
    expect(w.posted.map((m) => m.id)).toEqual([6]);
    w.answer();
    await advance(0);
    expect(answers.filter((a) => a !== null)).toEqual([{answer: 6}]);
    expect(answers.filter((a) => a === null)).toHaveLength(5);
  });

  test("a move while the worker computes: it waits for the worker and for the pause", async () => {
    const c = client();
    const w = FakeWorker.last!;
    const first = c.request(scenario(1), ["backlog_total"], 1000, 42);
    await advance(120);
    expect(w.posted.map((m) => m.id)).toEqual([1]);
    const second = c.request(scenario(2), ["backlog_total"], 1000, 42);
    await advance(200);
    // the worker is still busy with the first: the second waits for it
    expect(w.posted.map((m) => m.id)).toEqual([1]);
    w.answer();
    // the answer for the first is stale (a newer request came): null
    expect(await first).toBeNull();
    expect(w.posted.map((m) => m.id)).toEqual([1, 2]);
    w.answer();
    expect(await second).toEqual({answer: 2});
  });

  test("a move after a pause waits for its own pause again", async () => {
    const c = client();
    const w = FakeWorker.last!;
    void c.request(scenario(1), ["backlog_total"], 1000, 42);
    await advance(120);
    w.answer();
    await advance(500);
    void c.request(scenario(2), ["backlog_total"], 1000, 42);
    expect(w.posted.map((m) => m.id)).toEqual([1]);
    await advance(120);
    expect(w.posted.map((m) => m.id)).toEqual([1, 2]);
  });
});
