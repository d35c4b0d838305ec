/**
 * The chain's stocks and flows, declared once: id, Dutch label, unit, and for flows where people
 * come from and go to ("buiten" = outside the chain: abroad, a home, departed). The conservation
 * bookkeeping and its test are derived from this declaration: people in the chain = the stocks with
 * `inChain`; entered = the flows from outside into the chain; left = the flows from the chain to
 * outside. Every id that is also an output series (SERIES_IDS) is checked against the run's output.
 */
import type {SeriesId} from "./types.js";

export interface StockDeclaration {
  /** Output series holding the stock at month end (or the model variable for internal stocks). */
  id: SeriesId | "nareis_to_request" | "nareis_travelling" | "appealing" | "leaving";
  label: string;
  unit: "personen" | "zaken";
  /** Counted in "in_system" (people in the Dutch chain); false = abroad or a caseload subset. */
  inChain: boolean;
}

export interface FlowDeclaration {
  id: SeriesId;
  label: string;
  from: StockDeclaration["id"] | "buiten";
  to: StockDeclaration["id"] | "buiten";
  unit: "personen per maand";
}

export const STOCKS: readonly StockDeclaration[] = [
  {id: "backlog_total", label: "werkvoorraad IND (sporen 1–4)", unit: "personen", inChain: true},
  {id: "coa_permit_waiting", label: "vergunninghouders in de opvang", unit: "personen", inChain: true},
  {id: "coa_nareis", label: "nareizigers in de opvang", unit: "personen", inChain: true},
  {id: "coa_rejected", label: "afgewezen asielzoekers in de opvang (beroep en vertrektermijn)", unit: "personen", inChain: true},
  {id: "doorstroom_occupied", label: "vergunninghouders op een doorstroomlocatie", unit: "personen", inChain: true},
  {id: "nareis_to_request", label: "gezinsleden van wie het verzoek nog moet worden ingediend (in het buitenland)", unit: "personen", inChain: false},
  {id: "nareis_backlog", label: "nareisverzoeken in behandeling (in het buitenland)", unit: "personen", inChain: false},
  {id: "nareis_travelling", label: "ingewilligde nareizigers op weg (in het buitenland)", unit: "personen", inChain: false},
  {id: "nidos_caseload", label: "amv onder voogdij van Nidos (deel van de andere voorraden)", unit: "personen", inChain: false}
];

export const FLOWS: readonly FlowDeclaration[] = [
  {id: "inflow_first", label: "eerste asielaanvragen", from: "buiten", to: "backlog_total", unit: "personen per maand"},
  {id: "inflow_repeat", label: "herhaalde aanvragen", from: "buiten", to: "backlog_total", unit: "personen per maand"},
  {id: "inflow_other_ind", label: "andere zaken in de IND-voorraad", from: "buiten", to: "backlog_total", unit: "personen per maand"},
  {id: "inflow_resettlement", label: "hervestiging", from: "buiten", to: "coa_permit_waiting", unit: "personen per maand"},
  {id: "inflow_nareis", label: "aankomsten van nareizigers (wie bij een gehuisveste referent komt, telt ook bij gehuisvest)", from: "nareis_travelling", to: "coa_nareis", unit: "personen per maand"},
  {id: "grants", label: "inwilligingen", from: "backlog_total", to: "coa_permit_waiting", unit: "personen per maand"},
  {id: "rejections", label: "afwijzingen", from: "backlog_total", to: "coa_rejected", unit: "personen per maand"},
  {id: "nareis_requests", label: "nareisverzoeken", from: "nareis_to_request", to: "nareis_backlog", unit: "personen per maand"},
  {id: "nareis_grants", label: "ingewilligde nareisverzoeken", from: "nareis_backlog", to: "nareis_travelling", unit: "personen per maand"},
  {id: "housed", label: "gehuisveste vergunninghouders (ook buiten de opvang)", from: "coa_permit_waiting", to: "buiten", unit: "personen per maand"},
  {id: "departed_independent", label: "zelfstandig vertrokken", from: "coa_rejected", to: "buiten", unit: "personen per maand"},
  {id: "departed_forced", label: "gedwongen vertrokken", from: "coa_rejected", to: "buiten", unit: "personen per maand"},
  {id: "departed_unknown", label: "vertrokken met onbekende bestemming", from: "coa_rejected", to: "buiten", unit: "personen per maand"},
  {id: "departed_unregistered", label: "uit de opvang zonder geregistreerd vertrek", from: "coa_rejected", to: "buiten", unit: "personen per maand"},
  {id: "dublin_transfers", label: "Dublinoverdrachten", from: "coa_rejected", to: "buiten", unit: "personen per maand"}
];

/** Flows that enter the chain. Nareis arrivals enter from abroad (their stocks are outside the chain). */
export function enteringFlows(): SeriesId[] {
  const inChain = new Set(STOCKS.filter((s) => s.inChain).map((s) => s.id));
  return FLOWS.filter((f) => (f.from === "buiten" || !inChain.has(f.from)) && f.to !== "buiten" && inChain.has(f.to)).map((f) => f.id);
}

/** Flows that leave the chain. */
export function leavingFlows(): SeriesId[] {
  const inChain = new Set(STOCKS.filter((s) => s.inChain).map((s) => s.id));
  return FLOWS.filter((f) => f.to === "buiten" && f.from !== "buiten" && inChain.has(f.from)).map((f) => f.id);
}

/** Stocks counted in the chain that are output series. */
export function chainStocks(): SeriesId[] {
  return STOCKS.filter((s) => s.inChain).map((s) => s.id as SeriesId);
}
