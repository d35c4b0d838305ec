/**
 * The band for the explorer pages: computed in a Web Worker (band-worker.ts) so that a slider move
 * paints the point run at once and the band when it is ready; on the main thread (after the point
 * run has painted) where no worker can start (tests in Node, a browser without module workers).
 *
 * Only the newest request counts: each request gets a generation number, a request made while the
 * worker is busy replaces any request still waiting, and an answer for an older generation resolves
 * to null, so a band of an older scenario is never shown for a newer one.
 *
 * The worker starts a band only once the input has paused for BAND_QUIET_MS: each band takes the
 * worker ~70 ms, so during a drag almost every band was superseded before it arrived, and on a
 * two-core machine a band computed while the page draws and rasterises a point run takes a core from
 * it. Starting the first move of a drag at once (stop 23) still cost that move and the next two: in
 * the UI bench on /ind the first move after a pause took a median 67 ms against 30 ms with no band
 * computed; started after the move's paint, the next two moves paid instead (38 and 43 ms). A single
 * click's band now arrives BAND_QUIET_MS later than it did.
 */
import {band} from "../model/band.js";
import type {BandOutput, ModelInputs, Scenario, SeriesId} from "../model/types.js";
import type {BandRequest, BandResponse} from "./band-worker.js";

/** A band starts once no request has come for this long (ms): the input has paused. */
export const BAND_QUIET_MS = 120;

export interface BandClientOptions {
  /** Clock in ms (tests). */
  now?: () => number;
  quietMs?: number;
}

export interface BandClient {
  /** The band of `scenario` for `series`, or null when a newer request superseded this one. */
  request(scenario: Scenario, series: readonly SeriesId[], n: number, seed: number): Promise<BandOutput | null>;
  /** "worker" or "main thread" (which one computes; the worker falls back on an error). */
  readonly mode: "worker" | "main thread";
}

interface Pending {
  generation: number;
  request: Omit<BandRequest, "id">;
  resolve: (band: BandOutput | null) => void;
}

/** Starts the band worker, or returns null where module workers are unavailable. */
function startWorker(): Worker | null {
  if (typeof Worker === "undefined" || typeof window === "undefined") return null;
  try {
    // Framework rewrites this literal to the built module's URL (the worker and its imports are
    // emitted like any local module; the CSP allows workers from the site itself).
    return new Worker(import.meta.resolve("./band-worker.js"), {type: "module"});
  } catch {
    return null;
  }
}

export function createBandClient(inputs: ModelInputs, {now = () => performance.now(), quietMs = BAND_QUIET_MS}: BandClientOptions = {}): BandClient {
  let worker = startWorker();
  /** When the last request came, and the timer that starts a waiting request once the input pauses. */
  let lastRequest = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let inputsSent = false;
  /** The request the worker is computing, and the newest one waiting for it. */
  let running: Pending | null = null;
  let waiting: Pending | null = null;

  const onMain = (p: Pending): void => {
    // a macrotask first, so that the point run paints before the band blocks the thread
    setTimeout(() => {
      if (p.generation !== generation) return p.resolve(null);
      const r = p.request;
      p.resolve(band(r.scenario, inputs, r.n, r.seed, {series: r.series}));
    }, 0);
  };

  const fail = (): void => {
    // the worker could not load or crashed: everything from now on on the main thread
    worker?.terminate();
    worker = null;
    for (const p of [running, waiting]) if (p) onMain(p);
    running = waiting = null;
  };

  /** Sends the waiting request once the worker is free and the input has paused for quietMs. */
  const startWaiting = (): void => {
    if (!waiting || running || !worker) return;
    const wait = lastRequest + quietMs - now();
    if (wait > 0) {
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          startWaiting();
        }, wait);
      }
      return;
    }
    const next = waiting;
    waiting = null;
    if (next.generation === generation) send(next);
    else next.resolve(null);
  };

  const send = (p: Pending): void => {
    running = p;
    const message: BandRequest = {id: p.generation, ...p.request};
    if (!inputsSent) {
      message.inputs = inputs;
      inputsSent = true;
    }
    worker!.postMessage(message);
  };

  if (worker) {
    worker.onmessage = (event: MessageEvent<BandResponse>) => {
      const done = running;
      running = null;
      if (done) {
        const data = event.data;
        if ("error" in data) {
          // a model error in the worker: the main thread gives the same error its usual way
          onMain(done);
        } else done.resolve(done.generation === generation ? data.band : null);
      }
      startWaiting();
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail();
    };
  }

  return {
    get mode() {
      return worker ? "worker" : "main thread";
    },
    request(scenario, series, n, seed) {
      const g = ++generation;
      lastRequest = now();
      return new Promise<BandOutput | null>((resolve) => {
        const p: Pending = {generation: g, request: {scenario, series: [...series], n, seed}, resolve};
        if (!worker) return onMain(p);
        waiting?.resolve(null);
        waiting = p;
        startWaiting();
      });
    }
  };
}
