/** The calendar month (UTC) a moment falls in, as the cost page and the budget rule count it. */
export interface MonthWindow {
  /** Unix ms of the first instant of the month and of the next month. */
  startMs: number;
  endMs: number;
  /** "2026-11". */
  label: string;
  elapsedSeconds: number;
  remainingHours: number;
  hoursInMonth: number;
}

export function monthWindow(nowMs: number): MonthWindow {
  const now = new Date(nowMs);
  const startMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const endMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return {
    startMs,
    endMs,
    label: `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`,
    elapsedSeconds: Math.max(1, Math.floor((nowMs - startMs) / 1000)),
    remainingHours: Math.max(0, (endMs - nowMs) / 3_600_000),
    hoursInMonth: (endMs - startMs) / 3_600_000,
  };
}

/** Month-end spend: what was spent so far plus the current hourly rate for the hours left. */
export function forecastMonth(monthToDate: number, ratePerHour: number, remainingHours: number): number {
  return monthToDate + ratePerHour * remainingHours;
}

/**
 * The month at the current rate: what the budget alert rule compares (PromQL has no
 * month-to-date range, so the rule projects the hourly rate over the whole month).
 */
export function runRateMonth(ratePerHour: number, hoursInMonth: number): number {
  return ratePerHour * hoursInMonth;
}

export type BudgetStatus = "none" | "ok" | "near" | "over";

/** "over" once the forecast passes the budget, "near" from 90 % of it. */
export function budgetStatus(forecast: number, budget: number | null | undefined): BudgetStatus {
  if (budget === null || budget === undefined) return "none";
  if (forecast > budget) return "over";
  if (forecast >= budget * 0.9) return "near";
  return "ok";
}
