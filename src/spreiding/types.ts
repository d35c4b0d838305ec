/** Row types shared by the Spreidingswet loader (`loaders/spreiding.ts`) and the page. Pure types only. */
import type {Origin} from "../types/origin.js";

/** A published provincial figure other than the target (plan outcome, remaining need), with its source. */
export interface ProvinceFigure {
  measure: string;
  /** Dutch description of what the figure counts. */
  label: string;
  value: number;
  source: string;
  url: string | null;
  checked: boolean;
}

export interface ProvinceRow {
  /** CBS province code (PV20 … PV31). */
  code: string;
  /** Province name as COA writes it (Friesland, not Fryslân). */
  name: string;
  /** Spreidingswet cycle 1 target (places, to be available by 1 July 2025). */
  cycle1Target: number;
  /** Whether the cycle-1 figure was re-read in its source by the reference-data compiler. */
  cycle1Checked: boolean;
  cycle1Source: string;
  /** cycle1Target / sum of the 12 cycle-1 targets: the provincial key used for the allocation. */
  share: number;
  /** Pre-law split per 1 Jan 2024 (letter of 24 May 2023, total 77.100), incl. amv. */
  preLawTarget: number | null;
  /** What the province offered or realised in its plan (Nov 2024), where published. */
  offered: ProvinceFigure[];
  /** Cycle 2 (27 Feb 2026): places still to be realised, where published. */
  cycle2Remaining: number | null;
}

export interface SpreidingData {
  provinces: ProvinceRow[];
  totals: {
    cycle1Published: number;
    cycle1Sum: number;
    cycle1Amv: number;
    cycle2Published: number;
    cycle2PublishedOn: string;
    verdeelbesluitFound: number | null;
    preLawSum: number;
  };
  /** GeoJSON FeatureCollection of the 12 provinces (CBS via PDOK), properties {code, name}. */
  geometry: {type: "FeatureCollection"; features: {type: "Feature"; id: string; properties: {code: string; name: string}; geometry: unknown}[]};
  keyText: string;
  sources: Pick<Origin, "file" | "producer" | "title" | "url" | "retrieved" | "licence">[];
}
