/** Row types shared by `loaders/inflow.ts` (producer) and the inflow page (consumer). */
import type {Origin} from "./origin.js";

/** An inflow component. Different definitions of one component are kept as separate series. */
export type InflowComponent = "eerste" | "herhaald" | "nareis" | "hervestiging";

/** One quarter of the CBS series (newest published vintage only). */
export interface QuarterRow {
  period: string; // "2023-Q4"
  year: number;
  quarter: 1 | 2 | 3 | 4;
  date: string; // first day of the quarter, ISO
  measure: "eerste_asielverzoeken" | "nareizigers";
  count: number;
  provisional: boolean;
  vintage: string;
}

/** One annual figure of one series. */
export interface AnnualRow {
  year: number;
  component: InflowComponent;
  series: string; // stable id, e.g. "unhcr_new"
  seriesLabel: string; // Dutch label naming producer and definition
  count: number;
  /** True when the year is incomplete in the source (e.g. CBS 2024 has only Q1-Q3). */
  partial: boolean;
  source: string;
}

/** A realised total inflow in (or near) the MPP definition. */
export interface TotalRow {
  year: number;
  series: string;
  seriesLabel: string;
  count: number;
  source: string;
}

/** One published MPP scenario figure. */
export interface ScenarioRow {
  edition: string;
  publishedMonth: string;
  targetYear: number;
  scenario: "minimum" | "medio" | "maximum" | "meest_waarschijnlijk";
  count: number;
  asStated: string;
  document: string;
}

/** The parts of a dataset's origin record the inflow page shows. */
export type SourceRecord = Pick<Origin, "file" | "producer" | "title" | "url" | "retrieved" | "licence" | "processing">;

export interface InflowData {
  quarterly: QuarterRow[];
  annual: AnnualRow[];
  totals: TotalRow[];
  scenarios: ScenarioRow[];
  sources: SourceRecord[];
}
