/**
 * Dutch number and date formatting for everything the site shows (49.000; 12,5%; € 1,2 mld).
 *
 * Built on d3-format's and d3-time-format's nl-NL locales; the locale definitions below are copied
 * verbatim from `d3-format/locale/nl-NL.json` and `d3-time-format/locale/nl-NL.json`.
 */
import {formatLocale} from "d3-format";
import {timeFormatLocale} from "d3-time-format";

const numberLocale = formatLocale({decimal: ",", thousands: ".", grouping: [3], currency: ["€\u00a0", ""]});

const timeLocale = timeFormatLocale({
  dateTime: "%a %e %B %Y %X",
  date: "%d-%m-%Y",
  time: "%H:%M:%S",
  periods: ["AM", "PM"],
  days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  shortDays: ["zo", "ma", "di", "wo", "do", "vr", "za"],
  months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  shortMonths: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
});

const integer = numberLocale.format(",.0f");
const oneDecimal = numberLocale.format(",.1f");
const percent0 = numberLocale.format(".0%");
const percent1 = numberLocale.format(".1%");
const signedInteger = numberLocale.format("+,.0f");

/** Formats a count of persons or places: 49000 → "49.000". Returns "–" for missing values. */
export function formatCount(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? "–" : integer(value);
}

/** Formats a count rounded to `step` (e.g. 100): 49 312 → "49.300". */
export function formatRounded(value: number | null | undefined, step = 100): string {
  return value == null || !Number.isFinite(value) ? "–" : integer(Math.round(value / step) * step);
}

/** Formats a signed difference: 1500 → "+1.500". */
export function formatDelta(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? "–" : signedInteger(value);
}

/** Formats a number with one decimal: 12.46 → "12,5". */
/** A number as the user typed it, in Dutch notation, without rounding away digits: 0,97 · 60.000 · 1,5. */
export function formatExact(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return numberLocale.format(",.12~r")(Number(value.toPrecision(12)));
}

export function formatDecimal(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? "–" : oneDecimal(value);
}

/** Formats a share (0–1) as a percentage: 0.125 → "12,5%" (digits = 0 gives "13%"). */
export function formatPercent(value: number | null | undefined, digits: 0 | 1 = 1): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return (digits === 0 ? percent0 : percent1)(value);
}

/** Formats euros in millions or billions: 2.7e9 → "€ 2,7 mld", 36.8e6 → "€ 36,8 mln". */
export function formatEuro(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  if (abs >= 1e9) return `€\u00a0${oneDecimal(value / 1e9)} mld`;
  if (abs >= 1e6) return `€\u00a0${oneDecimal(value / 1e6)} mln`;
  return `€\u00a0${integer(value)}`;
}

/** Formats a month given as a UTC date (all model months are UTC month starts): Date.UTC(2024, 0) → "januari 2024". */
export const formatMonth = timeLocale.utcFormat("%B %Y");

/** Formats a short month given as a UTC date: Date.UTC(2024, 0) → "jan 2024". */
export const formatShortMonth = timeLocale.utcFormat("%b %Y");

/** The nl-NL number locale, for chart tick formats (`tickFormat: nl.format(",")`). */
export const nl = numberLocale;

/** Tick labels of a count axis: Dutch thousands separators ("45.000"). */
export const formatTick: (value: number) => string = numberLocale.format(",");
