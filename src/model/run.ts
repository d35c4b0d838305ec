/**
 * One deterministic run of the chain model: instroom → IND → COA → uitstroom, with nareis feedback.
 *
 * Monthly steps. Every flow is computed explicitly, so the conservation identity
 * entered = in stocks + left holds to floating-point precision. docs/model.md states every equation
 * in words. The step loop allocates nothing: parameters are resolved into one Float64Array first,
 * outputs go into one preallocated Float64Array (one row per series).
 */
import {monthString} from "./months.js";
import {resolveParameters, type ParameterSet} from "./params.js";
import {prepare, type Prepared} from "./prepare.js";
import {SERIES_IDS, type ModelInputs, type RunOutput, type Scenario, type SeriesId, type Summary} from "./types.js";

export {OBSERVED_INPUTS, type ObservedInput} from "./prepare.js";

const S = SERIES_IDS.length;
const SI = Object.fromEntries(SERIES_IDS.map((id, i) => [id, i])) as Record<SeriesId, number>;

/** Average days per month. */
const DAYS_PER_MONTH = 30.436875;
/** Weeks per month. */
const WEEKS_PER_MONTH = DAYS_PER_MONTH / 7;
/** Multiplications instead of divisions in the step loop. */
const INV12 = 1 / 12;
const INV6 = 1 / 6;
/** Longest legal term the age bookkeeping supports (months). */
const MAX_TERM = 60;

/** Preallocated buffers for repeated runs (band, benchmark). */
export interface RunBuffers {
  months: number;
  /** Series-major: `out[series * months + t]`. */
  out: Float64Array;
  /** Parameter matrix buffer. */
  params: Float64Array;
  /** Cumulative intake for the age bookkeeping (track 3 and nareis). */
  cum3: Float64Array;
  cumN: Float64Array;
}

/** Allocates buffers for runs of `months` months over a register of `parameterCount` rows. */
export function createBuffers(months: number, parameterCount: number): RunBuffers {
  return {
    months,
    out: new Float64Array(S * months),
    params: new Float64Array(parameterCount * months),
    cum3: new Float64Array(months + MAX_TERM + 1),
    cumN: new Float64Array(months + MAX_TERM + 1)
  };
}

/** Fraction of a first-order delay stock that leaves in one month, for a mean delay of `tau` months. */
function frac(tau: number): number {
  return tau <= 1 ? 1 : 1 / tau;
}

function clampTerm(x: number): number {
  const r = Math.round(x);
  return r < 1 ? 1 : r > MAX_TERM ? MAX_TERM : r;
}

/**
 * Simulates with resolved parameters into `buffers.out`. Low-level: `run` is the public entry.
 * Returns nothing; read the series from `buffers.out`.
 */
export function simulate(ps: ParameterSet, prepared: (Pick<Prepared, "inputs" | "anchors" | "originOffset"> & {prefixKey?: object | null}) | null, buffers: RunBuffers): void {
  const M = ps.months;
  const v = ps.values;
  const sl = ps.compiled.slot;
  const o = buffers.out;

  // Row offsets of every parameter (per run; cheap).
  const pFirst = sl.inflow_first_per_year * M;
  const pSeason0 = sl.inflow_season_q1 * M;
  const pSeason1 = sl.inflow_season_q2 * M;
  const pSeason2 = sl.inflow_season_q3 * M;
  const pSeason3 = sl.inflow_season_q4 * M;
  const pMpp = sl.inflow_path_mpp * M;
  const pMppTotal = sl.inflow_mpp_total_per_year * M;
  const pMppLast = sl.mpp_last_year * M;
  const pGrowth = sl.inflow_growth_after_mpp * M;
  const pRepeat = sl.inflow_repeat_per_year * M;
  const pResettle = sl.resettlement_per_year * M;
  const pHigh = sl.share_high * M;
  const pLow = sl.share_low * M;
  const pDublin = sl.share_dublin * M;
  const pTrack2 = sl.share_track2 * M;
  const pAmv = sl.amv_share * M;
  const pNidosStay = sl.nidos_stay_months * M;
  const pDecisions = sl.ind_decisions_per_month * M;
  const pAccel = sl.accelerated_decision_months * M;
  const pOther = sl.inflow_other_ind_per_year * M;
  const pGh = sl.grant_rate_high * M;
  const pGm = sl.grant_rate_mid * M;
  const pGl = sl.grant_rate_low * M;
  const pPause = sl.decision_pause_high_share * M;
  const pTerm = sl.legal_term_months * M;
  const pShortShare = sl.short_term_share * M;
  const pShortTerm = sl.short_legal_term_months * M;
  const pDwangsom = sl.dwangsom_per_case_month * M;
  const pAppeal = sl.appeal_share * M;
  const pAppealMonths = sl.appeal_months * M;
  const pReqShare = sl.nareis_request_share * M;
  const pPh = sl.nareis_persons_high * M;
  const pPm = sl.nareis_persons_mid * M;
  const pPl = sl.nareis_persons_low * M;
  const pReqMonths = sl.nareis_request_months * M;
  const pNdMonths = sl.nareis_decision_months * M;
  const pNgs = sl.nareis_grant_share * M;
  const pTravel = sl.nareis_travel_months * M;
  const pUnhoused = sl.nareis_unhoused_share * M;
  const pNTerm = sl.nareis_legal_term_months * M;
  const pSubHigh = sl.subsidiary_share_high * M;
  const pSubMid = sl.subsidiary_share_mid * M;
  const pSubFactor = sl.nareis_subsidiary_factor * M;
  const pOcc = sl.occupancy_rate * M;
  const pStable = sl.capacity_stable * M;
  const pFlex = sl.capacity_flex * M;
  const pEmerg = sl.capacity_emergency * M;
  const pCno = sl.capacity_cno * M;
  const pLeave = sl.reception_leave_days * M;
  const pCps = sl.coa_procedure_share * M;
  const pTaak = sl.taakstelling_per_halfyear * M;
  const pNeedBased = sl.taakstelling_need_based * M;
  const pNeedFrom = sl.taakstelling_need_from_year * M;
  const pReal = sl.housing_realisation * M;
  const pNorm = sl.housing_norm_weeks * M;
  const pFlexHomes = sl.flex_homes_per_year * M;
  const pDoor = sl.doorstroom_places * M;
  const pDepInd = sl.departure_independent_share * M;
  const pDepForced = sl.departure_forced_share * M;
  const pDepUnknown = sl.departure_unknown_share * M;
  const pDublinT = sl.dublin_transfer_share * M;
  const pCostR = sl.cost_regular_per_year * M;
  const pCostE = sl.cost_emergency_per_year * M;
  const pEmShare = sl.emergency_share * M;

  // observed inputs: NaN = the model computes the month
  const inputs = prepared?.inputs;
  const obsFirst = inputs?.inflow_first ?? null;
  const obsRepeat = inputs?.inflow_repeat ?? null;
  const obsResettle = inputs?.inflow_resettlement ?? null;
  const obsNareis = inputs?.inflow_nareis ?? null;
  const obsDecisions = inputs?.decisions ?? null;
  // stock readings up to the origin (rows in origin.ts ANCHOR_SERIES order)
  const anchors = prepared?.anchors ?? null;
  // the months with a reading, in order: one comparison per month instead of four array reads
  const anchorMonths = anchors ? anchorMonthsOf(anchors, M, Math.min(prepared!.originOffset, M - 1)) : EMPTY_MONTHS;
  let anchorK = 0;
  let nextAnchor = anchorMonths.length > 0 ? anchorMonths[0]! : -1;
  const aBacklog = 0;
  const aNareis = M;
  const aPermit = 2 * M;
  const aCoa = 3 * M;
  let adjusted = 0;

  // ---- start state (month offset 0 holds the start values of the init_* parameters)
  const initBacklog = v[sl.init_backlog * M];
  const tr3 = v[sl.init_backlog_track3_share * M];
  const sd0 = v[pDublin];
  const s20 = v[pTrack2];
  const sl0 = (1 - sd0 - s20) * v[pLow];
  const fastSum = sd0 + s20 + sl0;
  const fast = initBacklog * (1 - tr3);
  let backlogTrack1 = fastSum > 0 ? (fast * sd0) / fastSum : fast / 3;
  let backlogTrack2 = fastSum > 0 ? (fast * s20) / fastSum : fast / 3;
  let backlogTrack4 = fastSum > 0 ? (fast * sl0) / fastSum : fast / 3;
  const track3Start = initBacklog * tr3;
  const highOf3 = v[pHigh] / Math.max(1e-9, 1 - v[pLow]);
  let backlogTrack3High = track3Start * Math.min(1, highOf3);
  let backlogTrack3Mid = track3Start - backlogTrack3High;
  let permitWaiting = v[sl.init_permit_waiting * M];
  let nareisInCoa = v[sl.init_coa_nareis * M];
  let appealing = Math.max(0, v[sl.init_coa_total * M] - v[pCps] * initBacklog - permitWaiting - nareisInCoa);
  let leaving = 0;
  let leavingDublin = 0;
  let doorstroom = 0;
  let nareisToRequest = v[sl.init_nareis_pending * M];
  let nareisBacklog = v[sl.init_nareis_backlog * M];
  let nareisTravelling = v[sl.init_nareis_travel * M];
  let nidosCaseload = v[sl.init_nidos_caseload * M];
  const initialStock = backlogTrack1 + backlogTrack2 + backlogTrack3High + backlogTrack3Mid + backlogTrack4 + permitWaiting + nareisInCoa + appealing + leaving + leavingDublin + doorstroom;
  let entered = initialStock;
  let left = 0;

  // Age bookkeeping: cum[k] = cumulative intake up to position k; month t sits at MAX_TERM + t.
  const cum3 = buffers.cum3;
  const cumN = buffers.cumN;
  let run3 = 0;
  let runN = 0;
  {
    const L0 = clampTerm(v[pTerm]);
    const young = (1 - v[sl.init_past_term_share * M]) * track3Start;
    const LN0 = clampTerm(v[pNTerm]);
    const youngN = (1 - v[sl.init_nareis_past_term_share * M]) * nareisBacklog;
    let a = 0;
    let b = 0;
    const perMonth3 = young / L0;
    const perMonthN = youngN / LN0;
    cum3[0] = 0;
    cumN[0] = 0;
    for (let k = 1; k <= MAX_TERM; k++) {
      // position k holds month (k - MAX_TERM - 1) relative to start, i.e. months before the start
      const back = MAX_TERM + 1 - k; // 1 … MAX_TERM months before start
      if (back <= L0) a += perMonth3;
      if (back <= LN0) b += perMonthN;
      cum3[k] = a;
      cumN[k] = b;
    }
    run3 = a;
    runN = b;
  }

  // Taakstelling (need-based rule) bookkeeping.
  let needAcc = 0;
  let needMonths = 0;
  let taakNeed = v[pTaak];

  // Output row offsets.
  const o_inflow_first = SI.inflow_first * M;
  const o_inflow_repeat = SI.inflow_repeat * M;
  const o_inflow_resettlement = SI.inflow_resettlement * M;
  const o_inflow_nareis = SI.inflow_nareis * M;
  const o_inflow_total = SI.inflow_total * M;
  const o_inflow_amv = SI.inflow_amv * M;
  const o_inflow_other_ind = SI.inflow_other_ind * M;
  const o_backlog_track1 = SI.backlog_track1 * M;
  const o_backlog_track2 = SI.backlog_track2 * M;
  const o_backlog_track3 = SI.backlog_track3 * M;
  const o_backlog_track4 = SI.backlog_track4 * M;
  const o_backlog_total = SI.backlog_total * M;
  const o_decisions = SI.decisions * M;
  const o_grants = SI.grants * M;
  const o_rejections = SI.rejections * M;
  const o_lead_time_months = SI.lead_time_months * M;
  const o_cases_past_term = SI.cases_past_term * M;
  const o_dwangsom_eur = SI.dwangsom_eur * M;
  const o_nareis_requests = SI.nareis_requests * M;
  const o_nareis_backlog = SI.nareis_backlog * M;
  const o_nareis_grants = SI.nareis_grants * M;
  const o_nareis_arrivals = SI.nareis_arrivals * M;
  const o_coa_in_procedure = SI.coa_in_procedure * M;
  const o_coa_permit_waiting = SI.coa_permit_waiting * M;
  const o_coa_rejected = SI.coa_rejected * M;
  const o_coa_nareis = SI.coa_nareis * M;
  const o_coa_total = SI.coa_total * M;
  const o_capacity_need = SI.capacity_need * M;
  const o_capacity_available = SI.capacity_available * M;
  const o_capacity_shortage = SI.capacity_shortage * M;
  const o_cost_eur = SI.cost_eur * M;
  const o_cost_regular_eur = SI.cost_regular_eur * M;
  const o_cost_emergency_eur = SI.cost_emergency_eur * M;
  const o_nidos_caseload = SI.nidos_caseload * M;
  const o_housed = SI.housed * M;
  const o_housing_capacity = SI.housing_capacity * M;
  const o_doorstroom_occupied = SI.doorstroom_occupied * M;
  const o_departed_independent = SI.departed_independent * M;
  const o_departed_forced = SI.departed_forced * M;
  const o_departed_unknown = SI.departed_unknown * M;
  const o_departed_unregistered = SI.departed_unregistered * M;
  const o_dublin_transfers = SI.dublin_transfers * M;
  const o_entered_cumulative = SI.entered_cumulative * M;
  const o_left_cumulative = SI.left_cumulative * M;
  const o_in_system = SI.in_system * M;
  const o_adjusted_cumulative = SI.adjusted_cumulative * M;

  // Cached reciprocals (divisions are slow; most of these rows are constant).
  let cReq = NaN, fReq = 1, cNd = NaN, fNd = 1, cTr = NaN, fTr = 1, cAp = NaN, fAp = 1, cNc = NaN, fNc = 1;
  let cAcc = NaN, fAcc = 1, gAcc = 0, cTerm = NaN, L = 1, cNTerm = NaN, LN = 1, cSTerm = NaN, LS = 1;
  let cDays = NaN, keep = 1, carry = 0, cNorm = NaN, normRate = 1, cOcc = NaN, fOcc = 1;

  const start = ps.startIndex;
  let year = Math.floor(start / 12);
  let mo = start - year * 12 - 1;
  let growthYear = -1;
  let growthFactor = 1;
  let growthRate = NaN;
  // repeat + resettlement + nareis arrivals of the previous month (MPP path)
  let otherPrev = (v[pRepeat]! + v[pResettle]!) * INV12 + nareisTravelling / Math.max(1, v[pTravel]!);

  // ---- the shared past: resume from the state at the origin when an earlier run recorded it for
  // the same past (see prefixFor), else simulate from the start and record it for the next run
  let t0 = 0;
  let recordAt = -1;
  const prefix = prefixFor(ps, prepared, M);
  if (prefix !== null) {
    if (prefix.ready) {
      const st = prefix.state;
      backlogTrack1 = st[0]!;
      backlogTrack2 = st[1]!;
      backlogTrack4 = st[2]!;
      backlogTrack3High = st[3]!;
      backlogTrack3Mid = st[4]!;
      permitWaiting = st[5]!;
      nareisInCoa = st[6]!;
      appealing = st[7]!;
      leaving = st[8]!;
      leavingDublin = st[9]!;
      doorstroom = st[10]!;
      nareisToRequest = st[11]!;
      nareisBacklog = st[12]!;
      nareisTravelling = st[13]!;
      nidosCaseload = st[14]!;
      entered = st[15]!;
      left = st[16]!;
      adjusted = st[17]!;
      run3 = st[18]!;
      runN = st[19]!;
      needAcc = st[20]!;
      needMonths = st[21]!;
      taakNeed = st[22]!;
      otherPrev = st[23]!;
      // readings are only up to the origin: none is left after it
      anchorK = anchorMonths.length;
      nextAnchor = -1;
      restorePrefix(prefix, buffers);
      t0 = prefix.T + 1;
      year = Math.floor((start + t0) / 12);
      mo = start + t0 - year * 12 - 1;
    } else recordAt = prefix.T;
  }
  for (let t = t0; t < M; t++) {
    if (++mo === 12) {
      mo = 0;
      year++;
    }
    // season row of this month's quarter (changes every three months)
    const seasonRow = mo < 6 ? (mo < 3 ? pSeason0 : pSeason1) : mo < 9 ? pSeason2 : pSeason3;

    // ---- instroom
    const Rp0 = obsRepeat !== null ? obsRepeat[t]! : NaN;
    const Rp = Rp0 === Rp0 ? Rp0 : v[pRepeat + t]! * INV12;
    const Rs0 = obsResettle !== null ? obsResettle[t]! : NaN;
    const Rs = Rs0 === Rs0 ? Rs0 : v[pResettle + t]! * INV12;
    const F0 = obsFirst !== null ? obsFirst[t]! : NaN;
    let F: number;
    if (F0 === F0) F = F0;
    else {
      const season = v[seasonRow + t]!;
      if (v[pMpp + t]! >= 0.5) {
        // MPP path: the forecast total inflow (first + repeat + resettlement + nareis) per year, held
        // after its last year with the growth rate; first applications are the total minus the other
        // components of the previous month (the model computes those itself).
        const last = v[pMppLast + t]!;
        const g = v[pGrowth + t]!;
        if (year !== growthYear || g !== growthRate) {
          growthYear = year;
          growthRate = g;
          growthFactor = year > last ? Math.pow(1 + g, year - last) : 1;
        }
        const total = v[pMppTotal + t]! * growthFactor * INV12 * season;
        F = total > otherPrev ? total - otherPrev : 0;
      } else F = v[pFirst + t]! * INV12 * season;
    }

    let sd = v[pDublin + t];
    let s2 = v[pTrack2 + t];
    if (sd + s2 > 1) {
      const k = 1 / (sd + s2);
      sd *= k;
      s2 *= k;
    }
    let sh = v[pHigh + t];
    let slw = v[pLow + t];
    if (sh + slw > 1) {
      const k = 1 / (sh + slw);
      sh *= k;
      slw *= k;
    }
    const in1 = F * sd;
    const in2 = F * s2;
    const rest = F - in1 - in2;
    const in4 = rest * slw;
    const in3h = rest * sh;
    const Ro = v[pOther + t] * INV12;
    const restMid = rest - in4 - in3h;
    const in3m = (restMid > 0 ? restMid : 0) + Rp + Ro;

    // ---- IND: capacity with priority for tracks 1, 2 and 4, then track 3. The accelerated tracks
    // are a first-order delay with mean `accelerated_decision_months` (τ): a fraction 1/τ of the open
    // cases is ready for a decision each month (for τ < 1 also a share 1 − τ of this month's intake).
    const C0 = obsDecisions !== null ? obsDecisions[t]! : NaN;
    let C = C0 === C0 ? C0 : v[pDecisions + t]!;
    const tauAcc = v[pAccel + t];
    if (tauAcc !== cAcc) {
      cAcc = tauAcc;
      fAcc = frac(tauAcc);
      gAcc = tauAcc < 1 ? 1 - tauAcc : 0;
    }
    const r1 = backlogTrack1 * fAcc + in1 * gAcc;
    const d1 = r1 < C ? r1 : C;
    C -= d1;
    const r2 = backlogTrack2 * fAcc + in2 * gAcc;
    const d2 = r2 < C ? r2 : C;
    C -= d2;
    const r4 = backlogTrack4 * fAcc + in4 * gAcc;
    const d4 = r4 < C ? r4 : C;
    C -= d4;
    const a1 = backlogTrack1 + in1;
    const a2 = backlogTrack2 + in2;
    const a4 = backlogTrack4 + in4;
    const a3h = backlogTrack3High + in3h;
    const a3m = backlogTrack3Mid + in3m;
    // a decision pause (moratorium) keeps part of the high-grant group out of the decisions
    const pause = v[pPause + t]!;
    const e3h = pause > 0 ? a3h * (1 - pause) : a3h;
    const e3 = e3h + a3m;
    const d3 = e3 < C ? e3 : C;
    const d3h = d3 === e3 ? e3h : e3 > 0 ? (d3 * e3h) / e3 : 0;
    const d3m = d3 - d3h;
    backlogTrack1 = a1 - d1;
    backlogTrack2 = a2 - d2;
    backlogTrack4 = a4 - d4;
    backlogTrack3High = a3h > d3h ? a3h - d3h : 0;
    backlogTrack3Mid = a3m > d3m ? a3m - d3m : 0;
    const gh = v[pGh + t];
    const gm = v[pGm + t];
    const gl = v[pGl + t];
    const gHigh = d3h * gh;
    const gMid = d3m * gm;
    const gLow = (d2 + d4) * gl;
    const grants = gHigh + gMid + gLow;
    const rejections = d2 + d4 + d3 - grants;
    const decisions = d1 + d2 + d3 + d4;

    // ---- nareis (abroad until arrival: outside the system)
    // subsidiary-protection holders (a share of each group's grants) bring a fraction
    // `nareis_subsidiary_factor` of the family members a refugee brings (1 = the same rules)
    const subCut = 1 - v[pSubFactor + t]!;
    const keepHigh = subCut > 0 ? 1 - v[pSubHigh + t]! * subCut : 1;
    const keepMid = subCut > 0 ? 1 - v[pSubMid + t]! * subCut : 1;
    nareisToRequest += (gHigh * v[pPh + t] * keepHigh + gMid * v[pPm + t] * keepMid + gLow * v[pPl + t]) * v[pReqShare + t];
    const tauReq = v[pReqMonths + t];
    if (tauReq !== cReq) {
      cReq = tauReq;
      fReq = frac(tauReq);
    }
    const requests = nareisToRequest * fReq;
    nareisToRequest -= requests;
    nareisBacklog += requests;
    const tauNd = v[pNdMonths + t];
    if (tauNd !== cNd) {
      cNd = tauNd;
      fNd = frac(tauNd);
    }
    const nDecisions = nareisBacklog * fNd;
    nareisBacklog -= nDecisions;
    const nGrants = nDecisions * v[pNgs + t];
    nareisTravelling += nGrants;
    let arrivals: number;
    const A0 = obsNareis !== null ? obsNareis[t]! : NaN;
    if (A0 === A0) {
      arrivals = A0;
      nareisTravelling = nareisTravelling > arrivals ? nareisTravelling - arrivals : 0;
    } else {
      const tauTr = v[pTravel + t];
      if (tauTr !== cTr) {
        cTr = tauTr;
        fTr = frac(tauTr);
      }
      arrivals = nareisTravelling * fTr;
      nareisTravelling -= arrivals;
    }

    // ---- into reception
    const cps = v[pCps + t];
    const toPW = grants * cps + Rs;
    const grantsOutside = grants * (1 - cps);
    const arrCoa = arrivals * v[pUnhoused + t];
    const arrDirect = arrivals - arrCoa;
    permitWaiting += toPW;
    nareisInCoa += arrCoa;

    // ---- rejected applicants: appeal (kept in reception), then leave 28 days after the final rejection
    const ap = v[pAppeal + t];
    appealing += rejections * ap;
    const tauAp = v[pAppealMonths + t];
    if (tauAp !== cAp) {
      cAp = tauAp;
      fAp = frac(tauAp);
    }
    const apOut = appealing * fAp;
    appealing -= apOut;
    const lvIn = rejections * (1 - ap) + apOut;
    const days = v[pLeave + t];
    if (days !== cDays) {
      cDays = days;
      keep = days < DAYS_PER_MONTH ? days / DAYS_PER_MONTH : 1;
      carry = days > DAYS_PER_MONTH ? 1 - DAYS_PER_MONTH / days : 0;
    }
    const lvOut = leaving * (1 - carry) + lvIn * (1 - keep);
    leaving = leaving * carry + lvIn * keep;
    const ldOut = leavingDublin * (1 - carry) + d1 * (1 - keep);
    leavingDublin = leavingDublin * carry + d1 * keep;
    const dublinTransfers = ldOut * v[pDublinT + t];
    const departPool = lvOut + ldOut - dublinTransfers;
    // Three independent shares (DT&V's categories); the rest leaves reception without a departure
    // that DT&V registers (stays in NL without reception, new procedure, departure not recorded).
    let di = v[pDepInd + t];
    let df = v[pDepForced + t];
    let du = v[pDepUnknown + t];
    const dsum = di + df + du;
    if (dsum > 1) {
      const k = 1 / dsum;
      di *= k;
      df *= k;
      du *= k;
    }
    const depInd = departPool * di;
    const depForced = departPool * df;
    const depUnknown = departPool * du;
    const depUnregistered = departPool - depInd - depForced - depUnknown;

    // ---- housing: taakstelling × realisation + flex homes, at most the 14-week norm allows
    if (mo === 0 || mo === 6) {
      if (needMonths > 0) taakNeed = (needAcc * 6) / needMonths;
      needAcc = 0;
      needMonths = 0;
    }
    needAcc += toPW + arrivals + grantsOutside;
    needMonths++;
    const needBased = v[pNeedBased + t] >= 0.5 && year >= v[pNeedFrom + t];
    const real = v[pReal + t];
    // Need-based rule: the new permit holders of the last half-year plus those still waiting (the
    // arrears), both per half-year. The arrears part uses the current queue each month (a sixth of
    // it) with its realisation capped at 1, so that housing more now never means more waiting later.
    const housingCap = needBased
      ? (taakNeed * real + (permitWaiting + nareisInCoa + doorstroom) * (real < 1 ? real : 1)) * INV6 + v[pFlexHomes + t] * INV12
      : v[pTaak + t] * INV6 * real + v[pFlexHomes + t] * INV12;
    // The taakstelling counts every permit holder: nareizigers who join a housed sponsor and permit
    // holders outside reception use it first; the rest goes to those waiting in reception.
    const usedOutside = arrDirect + grantsOutside;
    const capForCoa = housingCap > usedOutside ? housingCap - usedOutside : 0;
    const waiting = permitWaiting + nareisInCoa + doorstroom;
    const norm = v[pNorm + t];
    if (norm !== cNorm) {
      cNorm = norm;
      normRate = norm <= WEEKS_PER_MONTH ? 1 : WEEKS_PER_MONTH / norm;
    }
    const maxOut = waiting * normRate;
    const housedFromCoa = capForCoa < maxOut ? capForCoa : maxOut;
    if (waiting > 0) {
      const stay = 1 - housedFromCoa / waiting;
      permitWaiting *= stay;
      nareisInCoa *= stay;
      doorstroom *= stay;
    }
    const places = v[pDoor + t];
    const free = places > doorstroom ? places - doorstroom : 0;
    const move = permitWaiting < free ? permitWaiting : free;
    permitWaiting -= move;
    doorstroom += move;
    const housed = housedFromCoa + grantsOutside + arrDirect;

    // ---- observed readings up to the origin reset the stocks (rules: origin.ts ANCHOR_RULES)
    if (t === nextAnchor) {
      nextAnchor = ++anchorK < anchorMonths.length ? anchorMonths[anchorK]! : -1;
      const a = anchors!;
      const ab = a[aBacklog + t]!;
      if (ab === ab) {
        const b = backlogTrack1 + backlogTrack2 + backlogTrack3High + backlogTrack3Mid + backlogTrack4;
        if (b > 0) {
          const k = ab / b;
          backlogTrack1 *= k;
          backlogTrack2 *= k;
          backlogTrack3High *= k;
          backlogTrack3Mid *= k;
          backlogTrack4 *= k;
        } else backlogTrack3Mid = ab;
        adjusted += ab - b;
      }
      const an = a[aNareis + t]!;
      if (an === an) nareisBacklog = an; // abroad: outside the system, no correction of the balance
      const ap = a[aPermit + t]!;
      if (ap === ap) {
        adjusted += ap - permitWaiting;
        permitWaiting = ap;
      }
      const ac = a[aCoa + t]!;
      if (ac === ac) {
        const fixed = cps * (backlogTrack1 + backlogTrack2 + backlogTrack3High + backlogTrack3Mid + backlogTrack4) + permitWaiting;
        const rest = appealing + leaving + leavingDublin + nareisInCoa;
        const target = ac > fixed ? ac - fixed : 0;
        if (rest > 0) {
          const k = target / rest;
          appealing *= k;
          leaving *= k;
          leavingDublin *= k;
          nareisInCoa *= k;
        } else appealing = target;
        adjusted += target - rest;
      }
    }

    // ---- reception
    const backlog = backlogTrack1 + backlogTrack2 + backlogTrack3High + backlogTrack3Mid + backlogTrack4;
    const inProc = cps * backlog;
    const rejStock = appealing + leaving + leavingDublin;
    const coa = inProc + permitWaiting + rejStock + nareisInCoa;
    const occ = v[pOcc + t];
    if (occ !== cOcc) {
      cOcc = occ;
      fOcc = 1 / (occ > 0.01 ? occ : 0.01);
    }
    const need = coa * fOcc;
    const stable = v[pStable + t];
    const available = stable - (need < stable ? v[pFlex + t] : 0) + v[pEmerg + t] + v[pCno + t];
    const shortage = need > available ? need - available : 0;
    const over = coa > stable ? coa - stable : 0;
    const emergOcc = v[pEmShare + t] * over;
    const costRegular = (coa - emergOcc) * v[pCostR + t] * INV12;
    const costEmergency = emergOcc * v[pCostE + t] * INV12;
    const cost = costRegular + costEmergency;

    // ---- age of open cases (oldest first) → cases past the legal term → dwangsom exposure
    // running sums in registers (reading cum[k - 1] back from memory makes a store-load chain)
    const k = MAX_TERM + 1 + t;
    run3 += in3h + in3m;
    runN += requests;
    cum3[k] = run3;
    cumN[k] = runN;
    const term = v[pTerm + t];
    if (term !== cTerm) {
      cTerm = term;
      L = clampTerm(term);
    }
    const nTerm = v[pNTerm + t];
    if (nTerm !== cNTerm) {
      cNTerm = nTerm;
      LN = clampTerm(nTerm);
    }
    const recent3 = run3 - cum3[k - L];
    const recentN = runN - cumN[k - LN];
    const backlogTrack3 = backlogTrack3High + backlogTrack3Mid;
    let past3 = backlogTrack3 > recent3 ? backlogTrack3 - recent3 : 0;
    // a share of the open cases falls under the shorter (original) legal term
    const shortShare = v[pShortShare + t]!;
    if (shortShare > 0) {
      const sTerm = v[pShortTerm + t]!;
      if (sTerm !== cSTerm) {
        cSTerm = sTerm;
        LS = clampTerm(sTerm);
      }
      const recentS = run3 - cum3[k - LS];
      const pastS = backlogTrack3 > recentS ? backlogTrack3 - recentS : 0;
      past3 += (pastS - past3) * shortShare;
    }
    const pastN = nareisBacklog > recentN ? nareisBacklog - recentN : 0;
    const pastTerm = past3 + pastN;

    // ---- amv (tracked subset of first applications)
    const amv = F * v[pAmv + t];
    const tauNc = v[pNidosStay + t];
    if (tauNc !== cNc) {
      cNc = tauNc;
      fNc = frac(tauNc);
    }
    nidosCaseload += amv - nidosCaseload * fNc;

    // ---- conservation
    const inflowTotal = F + Rp + Rs + arrivals;
    entered += inflowTotal + Ro;
    left += housed + depInd + depForced + depUnknown + depUnregistered + dublinTransfers;
    otherPrev = Rp + Rs + arrivals;

    // ---- write
    o[o_inflow_first + t] = F;
    o[o_inflow_repeat + t] = Rp;
    o[o_inflow_resettlement + t] = Rs;
    o[o_inflow_nareis + t] = arrivals;
    o[o_inflow_total + t] = inflowTotal;
    o[o_inflow_amv + t] = amv;
    o[o_inflow_other_ind + t] = Ro;
    o[o_backlog_track1 + t] = backlogTrack1;
    o[o_backlog_track2 + t] = backlogTrack2;
    o[o_backlog_track3 + t] = backlogTrack3;
    o[o_backlog_track4 + t] = backlogTrack4;
    o[o_backlog_total + t] = backlog;
    o[o_decisions + t] = decisions;
    o[o_grants + t] = grants;
    o[o_rejections + t] = rejections;
    o[o_lead_time_months + t] = backlog / (decisions > 1 ? decisions : 1);
    o[o_cases_past_term + t] = pastTerm;
    o[o_dwangsom_eur + t] = pastTerm * v[pDwangsom + t];
    o[o_nareis_requests + t] = requests;
    o[o_nareis_backlog + t] = nareisBacklog;
    o[o_nareis_grants + t] = nGrants;
    o[o_nareis_arrivals + t] = arrivals;
    o[o_coa_in_procedure + t] = inProc;
    o[o_coa_permit_waiting + t] = permitWaiting;
    o[o_coa_rejected + t] = rejStock;
    o[o_coa_nareis + t] = nareisInCoa;
    o[o_coa_total + t] = coa;
    o[o_capacity_need + t] = need;
    o[o_capacity_available + t] = available;
    o[o_capacity_shortage + t] = shortage;
    o[o_cost_eur + t] = cost;
    o[o_cost_regular_eur + t] = costRegular;
    o[o_cost_emergency_eur + t] = costEmergency;
    o[o_nidos_caseload + t] = nidosCaseload;
    o[o_housed + t] = housed;
    o[o_housing_capacity + t] = housingCap;
    o[o_doorstroom_occupied + t] = doorstroom;
    o[o_departed_independent + t] = depInd;
    o[o_departed_forced + t] = depForced;
    o[o_departed_unknown + t] = depUnknown;
    o[o_departed_unregistered + t] = depUnregistered < 0 ? 0 : depUnregistered;
    o[o_dublin_transfers + t] = dublinTransfers;
    o[o_entered_cumulative + t] = entered;
    o[o_left_cumulative + t] = left;
    o[o_in_system + t] = backlog + permitWaiting + nareisInCoa + doorstroom + appealing + leaving + leavingDublin;
    o[o_adjusted_cumulative + t] = adjusted;

    if (t === recordAt) {
      const st = prefix!.state;
      st[0] = backlogTrack1;
      st[1] = backlogTrack2;
      st[2] = backlogTrack4;
      st[3] = backlogTrack3High;
      st[4] = backlogTrack3Mid;
      st[5] = permitWaiting;
      st[6] = nareisInCoa;
      st[7] = appealing;
      st[8] = leaving;
      st[9] = leavingDublin;
      st[10] = doorstroom;
      st[11] = nareisToRequest;
      st[12] = nareisBacklog;
      st[13] = nareisTravelling;
      st[14] = nidosCaseload;
      st[15] = entered;
      st[16] = left;
      st[17] = adjusted;
      st[18] = run3;
      st[19] = runN;
      st[20] = needAcc;
      st[21] = needMonths;
      st[22] = taakNeed;
      st[23] = otherPrev;
    }
  }
  if (recordAt >= 0) recordPrefix(prefix!, buffers);
  else if (prefix === null) forgetPrefix(buffers);
}

// ---- The shared past
//
// Up to the forecast origin every run of a scenario with the same origin follows the observed past:
// the scenario's presets, overrides, measures and Monte Carlo draws apply from the month after the
// origin (prepare.ts, ResolvePlan). When the parameter matrix is the same cached base up to the
// origin (ParameterSet.base and .changedFrom) and the observed inputs and readings are those of the
// origin (Prepared.prefixKey), the months up to the origin are identical in every such run. The
// first run records its state at the end of the origin month, its outputs and its age bookkeeping up
// to it; later runs copy those (or find them still in their buffers) and simulate only the months
// after the origin. The arithmetic after the origin is the same, so the outputs are bit-identical
// (test/property/prefix.property.test.ts compares with the full simulation).

/** Number of state variables carried from month to month. */
const STATE_VARS = 24;

interface Prefix {
  key: object;
  base: Float64Array;
  /** Last month offset of the shared past (the origin). */
  T: number;
  months: number;
  ready: boolean;
  state: Float64Array;
  /** Outputs up to T: `out[s * (T + 1) + t]`. */
  out: Float64Array;
  /** Age bookkeeping up to the origin month's position. */
  cum3: Float64Array;
  cumN: Float64Array;
}

/** Recorded pasts per origin state (Prepared.prefixKey) and per base matrix. */
const prefixes = new WeakMap<object, WeakMap<Float64Array, Prefix>>();
/** Which recorded past a buffer holds up to its origin (out, cum3 and cumN are tracked alike). */
const holds = new WeakMap<Float64Array, Prefix>();
let prefixSharing = true;

/** Tests: switch the shared past off (every run simulates from the start) or on again. */
export function setPrefixSharing(on: boolean): void {
  prefixSharing = on;
}

function prefixFor(ps: ParameterSet, prepared: {originOffset: number; prefixKey?: object | null} | null, M: number): Prefix | null {
  if (!prefixSharing || prepared === null || prepared.prefixKey == null || ps.base === undefined) return null;
  const T = prepared.originOffset;
  if (!(T >= 0 && T < M - 1) || !(ps.changedFrom! > T)) return null;
  const last = lastPrefix;
  if (last !== null && last.key === prepared.prefixKey && last.base === ps.base && last.T === T && last.months === M) return last;
  let perBase = prefixes.get(prepared.prefixKey);
  if (perBase === undefined) prefixes.set(prepared.prefixKey, (perBase = new WeakMap()));
  let p = perBase.get(ps.base);
  if (p === undefined || p.T !== T || p.months !== M) {
    p = {key: prepared.prefixKey, base: ps.base, T, months: M, ready: false, state: new Float64Array(STATE_VARS), out: new Float64Array(S * (T + 1)), cum3: new Float64Array(MAX_TERM + 2 + T), cumN: new Float64Array(MAX_TERM + 2 + T)};
    perBase.set(ps.base, p);
  }
  lastPrefix = p;
  return p;
}

/** The prefix of the last run (the runs of a band or a decomposition share one). */
let lastPrefix: Prefix | null = null;

function recordPrefix(p: Prefix, b: RunBuffers): void {
  const n = p.T + 1;
  const M = p.months;
  for (let s = 0; s < S; s++) {
    const from = s * M;
    const to = s * n;
    for (let t = 0; t < n; t++) p.out[to + t] = b.out[from + t]!;
  }
  for (let k = 0; k < p.cum3.length; k++) {
    p.cum3[k] = b.cum3[k]!;
    p.cumN[k] = b.cumN[k]!;
  }
  p.ready = true;
  holds.set(b.out, p);
  holds.set(b.cum3, p);
  holds.set(b.cumN, p);
  lastHeld = {out: b.out, cum3: b.cum3, cumN: b.cumN, p};
}

/** The buffers of the last run and the past they hold (saves three lookups when one buffer set runs again). */
let lastHeld: {out: Float64Array; cum3: Float64Array; cumN: Float64Array; p: Prefix} | null = null;

function restorePrefix(p: Prefix, b: RunBuffers): void {
  const h = lastHeld;
  if (h !== null && h.p === p && h.out === b.out && h.cum3 === b.cum3 && h.cumN === b.cumN) return;
  if (holds.get(b.out) !== p) {
    const n = p.T + 1;
    const M = p.months;
    for (let s = 0; s < S; s++) {
      const from = s * n;
      const to = s * M;
      for (let t = 0; t < n; t++) b.out[to + t] = p.out[from + t]!;
    }
    holds.set(b.out, p);
  }
  if (holds.get(b.cum3) !== p || holds.get(b.cumN) !== p) {
    for (let k = 0; k < p.cum3.length; k++) {
      b.cum3[k] = p.cum3[k]!;
      b.cumN[k] = p.cumN[k]!;
    }
    holds.set(b.cum3, p);
    holds.set(b.cumN, p);
  }
  lastHeld = {out: b.out, cum3: b.cum3, cumN: b.cumN, p};
}

/** A run that simulated from the start without recording leaves its own past in the buffers. */
function forgetPrefix(b: RunBuffers): void {
  const h = lastHeld;
  if (h !== null && (h.out === b.out || h.cum3 === b.cum3 || h.cumN === b.cumN)) lastHeld = null;
  holds.delete(b.out);
  holds.delete(b.cum3);
  holds.delete(b.cumN);
}

const EMPTY_MONTHS = new Int32Array(0);
const anchorMonthsCache = new WeakMap<Float64Array, Int32Array>();

/** Month offsets (≤ `upTo`) at which any stock has a reading (cached per readings array). */
function anchorMonthsOf(anchors: Float64Array, M: number, upTo: number): Int32Array {
  const hit = anchorMonthsCache.get(anchors);
  if (hit) return hit;
  const rows = Math.floor(anchors.length / M);
  const months: number[] = [];
  for (let t = 0; t <= upTo; t++) {
    for (let k = 0; k < rows; k++) {
      const x = anchors[k * M + t]!;
      if (x === x) {
        months.push(t);
        break;
      }
    }
  }
  const out = Int32Array.from(months);
  anchorMonthsCache.set(anchors, out);
  return out;
}

/** Row views of a series-major buffer, from month offset `from` (default 0) to the end. */
export function seriesViews(out: Float64Array, months: number, from = 0): Record<SeriesId, Float64Array> {
  const series = {} as Record<SeriesId, Float64Array>;
  for (let i = 0; i < S; i++) series[SERIES_IDS[i]!] = out.subarray(i * months + from, (i + 1) * months);
  return series;
}

function argmax(x: Float64Array): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i]! > x[best]!) best = i;
  return best;
}

function meanTail(x: Float64Array, n: number): number {
  const from = Math.max(0, x.length - n);
  let s = 0;
  for (let i = from; i < x.length; i++) s += x[i]!;
  return s / Math.max(1, x.length - from);
}

/**
 * Summarises a run over its output window (the series views start at month offset `from` of the
 * run): peaks and their months, cost per calendar year and the bottleneck over the last 12 months
 * (the stage whose pressure ratio is highest and above 1: IND = lead time / legal term; opvang =
 * capacity need / available; huisvesting = months permit holders wait / the housing norm).
 */
export function summarize(series: Record<SeriesId, Float64Array>, ps: ParameterSet, from = 0): Summary {
  const M = ps.months;
  const W = M - from;
  const month = (i: number) => monthString(ps.startIndex + from + i);
  const occ = argmax(series.coa_total);
  const nar = argmax(series.nareis_arrivals);
  const sho = argmax(series.capacity_shortage);
  const costPerYear: Summary["costPerYear"] = [];
  for (let t = 0; t < W; t++) {
    const year = Math.floor((ps.startIndex + from + t) / 12);
    let last = costPerYear[costPerYear.length - 1];
    if (!last || last.year !== year) costPerYear.push((last = {year, value: 0, regular: 0, emergency: 0}));
    last.value += series.cost_eur[t]!;
    last.regular += series.cost_regular_eur[t]!;
    last.emergency += series.cost_emergency_eur[t]!;
  }
  const sl = ps.compiled.slot;
  const v = ps.values;
  let term = 0;
  let norm = 0;
  const n = Math.min(12, W);
  for (let t = M - n; t < M; t++) {
    term += v[sl.legal_term_months * M + t]!;
    norm += v[sl.housing_norm_weeks * M + t]! / WEEKS_PER_MONTH;
  }
  term /= n;
  norm /= n;
  const ind = meanTail(series.lead_time_months, n) / Math.max(term, 1e-9);
  const opvang = meanTail(series.capacity_need, n) / Math.max(meanTail(series.capacity_available, n), 1e-9);
  let waitingPersons = 0;
  let housedFlow = 0;
  for (let t = W - n; t < W; t++) {
    waitingPersons += series.coa_permit_waiting[t]! + series.coa_nareis[t]! + series.doorstroom_occupied[t]!;
    housedFlow += series.housing_capacity[t]!;
  }
  const waitMonths = waitingPersons / Math.max(housedFlow, 1e-9);
  const huisvesting = waitMonths / Math.max(norm, 1e-9);
  let bottleneck: Summary["bottleneck"] = "geen";
  let best = 1;
  if (ind > best) {
    best = ind;
    bottleneck = "ind";
  }
  if (opvang > best) {
    best = opvang;
    bottleneck = "opvang";
  }
  if (huisvesting > best) bottleneck = "huisvesting";
  return {
    peakOccupancy: {value: series.coa_total[occ]!, month: month(occ)},
    nareisPeak: {value: series.nareis_arrivals[nar]!, month: month(nar)},
    maxShortage: {value: series.capacity_shortage[sho]!, month: month(sho)},
    backlogEnd: series.backlog_total[W - 1]!,
    costPerYear,
    bottleneck
  };
}

/** Runs one scenario deterministically. The scenario should have passed `validateScenario`. */
export function run(scenario: Scenario, inputs: ModelInputs): RunOutput {
  const prepared = prepare(scenario, inputs);
  const M = prepared.months;
  // The parameter matrix and the age bookkeeping are scratch (not returned): reuse them.
  const n = inputs.parameters.length * M;
  if (scratch.params.length < n) scratch.params = new Float64Array(n);
  const ps = resolveParameters(scenario, inputs, {out: scratch.params, plan: prepared.plan});
  if (scratch.cum3.length < M + MAX_TERM + 1) {
    scratch.cum3 = new Float64Array(M + MAX_TERM + 1);
    scratch.cumN = new Float64Array(M + MAX_TERM + 1);
  }
  const buffers: RunBuffers = {months: M, out: new Float64Array(S * M), params: ps.values, cum3: scratch.cum3, cumN: scratch.cumN};
  simulate(ps, prepared, buffers);
  const from = prepared.outputOffset;
  const series = seriesViews(buffers.out, M, from);
  return {start: monthString(ps.startIndex + from), months: M - from, series, summary: summarize(series, ps, from), origin: prepared.origin};
}

const scratch = {params: new Float64Array(0), cum3: new Float64Array(0), cumN: new Float64Array(0)};

/**
 * Runs into caller-owned buffers (no allocation besides the summary); for bands and benchmarks.
 * `prepared` must come from `prepare(scenario, inputs)` (pass it to avoid re-preparing per run).
 */
export function runInto(scenario: Scenario, inputs: ModelInputs, buffers: RunBuffers, sample?: Float64Array, prepared: Prepared = prepare(scenario, inputs)): ParameterSet {
  const ps = resolveParameters(scenario, inputs, {out: buffers.params, sample, plan: prepared.plan});
  if (ps.months !== buffers.months) throw new Error(`runInto: buffers hold ${buffers.months} months, scenario has ${ps.months}`);
  simulate(ps, prepared, buffers);
  return ps;
}
