import { parseDuration } from "./duration";
import type { BurnWindow, SloWindow } from "./model";

/**
 * Multi-window, multi-burn-rate alerting from the Google SRE workbook (chapter "Alerting on SLOs").
 * For a 30-day window: page when 2 % of the budget burns in 1 h (burn rate 14.4) or 5 % in 6 h (6);
 * ticket when 10 % burns in 1 d (3) or in 3 d (1). Each condition must also hold over its short
 * window (1/12 of the long one) so the alert stops soon after the burn does. Other windows keep the
 * same budget shares, so the burn rates scale with the window's length.
 */
export interface AlertCondition {
  severity: "page" | "ticket";
  long: BurnWindow;
  short: BurnWindow;
  /** Share of the whole budget spent within the long window. */
  budgetShare: number;
}

export const ALERT_CONDITIONS: readonly AlertCondition[] = [
  { severity: "page", long: "1h", short: "5m", budgetShare: 0.02 },
  { severity: "page", long: "6h", short: "30m", budgetShare: 0.05 },
  { severity: "ticket", long: "1d", short: "2h", budgetShare: 0.1 },
  { severity: "ticket", long: "3d", short: "6h", budgetShare: 0.1 },
];

export const DAY_SECONDS = 86_400;

/** The start of the calendar month (UTC) that `now` is in. */
export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

function daysInMonth(now: Date): number {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
}

/** The whole window's length: for a calendar month, the length of the current month. */
export function windowSeconds(window: SloWindow, now: Date = new Date()): number {
  return (window.kind === "rolling" ? window.days : daysInMonth(now)) * DAY_SECONDS;
}

/** How far back the window reaches from `now`: the whole rolling window, or the month so far. */
export function elapsedWindowSeconds(window: SloWindow, now: Date = new Date()): number {
  if (window.kind === "rolling") return window.days * DAY_SECONDS;
  return Math.max(60, Math.floor((now.getTime() - monthStart(now).getTime()) / 1000));
}

/** The burn rate above which a condition fires, for a window of this length. */
export function burnThreshold(condition: AlertCondition, windowLengthSeconds: number): number {
  const longSeconds = parseDuration(condition.long) ?? 3600;
  return round((condition.budgetShare * windowLengthSeconds) / longSeconds);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface ConditionState extends AlertCondition {
  threshold: number;
  longBurn: number | null;
  shortBurn: number | null;
  firing: boolean;
}

/** Which conditions fire for these burn rates; a window without data never fires. */
export function alertConditions(
  burnRates: Readonly<Record<BurnWindow, number | null>>,
  windowLengthSeconds: number,
): ConditionState[] {
  return ALERT_CONDITIONS.map((condition) => {
    const threshold = burnThreshold(condition, windowLengthSeconds);
    const longBurn = burnRates[condition.long];
    const shortBurn = burnRates[condition.short];
    const firing = longBurn !== null && shortBurn !== null && longBurn > threshold && shortBurn > threshold;
    return { ...condition, threshold, longBurn, shortBurn, firing };
  });
}
