/**
 * Web Worker that computes the Monte Carlo band off the main thread (see band-client.ts). Messages
 * in: {id, inputs?, scenario, series, n, seed}; out: {id, band} or {id, error}. The model inputs are
 * sent once (with the first request) and kept.
 */
import {band} from "../model/band.js";
import type {BandOutput, ModelInputs, Scenario, SeriesId} from "../model/types.js";

export interface BandRequest {
  id: number;
  inputs?: ModelInputs;
  scenario: Scenario;
  series: readonly SeriesId[];
  n: number;
  seed: number;
}

export type BandResponse = {id: number; band: BandOutput} | {id: number; error: string};

interface WorkerScope {
  onmessage: ((event: MessageEvent<BandRequest>) => void) | null;
  postMessage(message: BandResponse, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
let inputs: ModelInputs | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.inputs) inputs = request.inputs;
  try {
    if (!inputs) throw new Error("band worker: no model inputs");
    const out = band(request.scenario, inputs, request.n, request.seed, {series: request.series});
    const transfer: Transferable[] = [];
    for (const q of [out.p10, out.p50, out.p90]) for (const id of request.series) if (q[id]) transfer.push(q[id].buffer);
    scope.postMessage({id: request.id, band: out}, transfer);
  } catch (error) {
    scope.postMessage({id: request.id, error: (error as Error).message});
  }
};
