import { burnThreshold, ALERT_CONDITIONS, DAY_SECONDS } from "./burn";
import type { Flag } from "./compute";
import type { BurnWindow } from "./model";

/** What the list and detail pages show for figures: pure, shared by the components. */

export interface ViewRow {
  id: string;
  key: string;
  service: string;
  slo: string;
  group?: { label: string; value: string };
  labels: Record<string, string>;
  window: string;
  sli: number | null;
  errorBudgetRemaining: number | null;
  burnRates: Record<BurnWindow, number | null>;
  alerts: { page: boolean; ticket: boolean };
  flags: Flag[];
}

export type Health = "page" | "ticket" | "exhausted" | "ok" | "no-data";

export function rowHealth(row: Pick<ViewRow, "alerts" | "errorBudgetRemaining" | "sli">): Health {
  if (row.sli === null || row.errorBudgetRemaining === null) return "no-data";
  if (row.alerts.page) return "page";
  if (row.alerts.ticket) return "ticket";
  if (row.errorBudgetRemaining <= 0) return "exhausted";
  return "ok";
}

export const HEALTH_LABEL: Record<Health, string> = {
  page: "Paging",
  ticket: "Ticket",
  exhausted: "Budget spent",
  ok: "OK",
  "no-data": "No data",
};

export const FLAG_LABEL: Record<Flag, string> = {
  "no-data": "no data",
  "too-few-events": "too few events",
  "partial-window": "partial window",
  "errors-query-empty": "failed-events query empty",
};

export const FLAG_HELP: Record<Flag, string> = {
  "no-data": "No events in the window, or the selector matches nothing: figures are unknown, not 100 %.",
  "too-few-events": "So few events that one failure spends more than a tenth of the budget.",
  "partial-window": "Prometheus holds less history than the window: figures cover only what it has.",
  "errors-query-empty": "There are events but the failed-events query answered nothing (a threshold that is not a bucket edge?).",
};

/** How hot a burn rate is for its window: above the page or ticket threshold that reads it, or above 1. */
export function burnLevel(window: BurnWindow, rate: number | null, windowDays = 30): "none" | "calm" | "elevated" | "ticket" | "page" {
  if (rate === null) return "none";
  const length = windowDays * DAY_SECONDS;
  const over = (severity: "page" | "ticket") =>
    ALERT_CONDITIONS.some((condition) => condition.severity === severity && (condition.long === window || condition.short === window) && rate > burnThreshold(condition, length));
  if (over("page")) return "page";
  if (over("ticket")) return "ticket";
  return rate > 1 ? "elevated" : "calm";
}

export interface ListFilter {
  service?: string;
  team?: string;
  /** `name=value`, or a bare name for "has this label". */
  label?: string;
  q?: string;
  sort: "budget" | "name" | "burn";
}

function labelMatches(labels: Record<string, string>, filter: string): boolean {
  const [name = "", ...rest] = filter.split("=");
  const value = rest.join("=");
  if (!name.trim()) return true;
  const actual = labels[name.trim()];
  return rest.length === 0 ? actual !== undefined : actual === value.trim();
}

/** Filters and sorts rows; no-data rows sort last under "budget" (unknown is not "plenty left"). */
export function filterAndSort<T extends ViewRow>(rows: readonly T[], filter: ListFilter): T[] {
  const query = filter.q?.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      (!filter.service || row.service === filter.service) &&
      (!filter.team || row.labels.team === filter.team) &&
      (!filter.label || labelMatches({ ...row.labels, ...(row.group ? { [row.group.label]: row.group.value } : {}) }, filter.label)) &&
      (!query || `${row.service} ${row.slo} ${row.group?.value ?? ""}`.toLowerCase().includes(query)),
  );
  const byName = (a: T, b: T) => `${a.service}/${a.slo}/${a.group?.value ?? ""}`.localeCompare(`${b.service}/${b.slo}/${b.group?.value ?? ""}`);
  const unknownLast = (value: number | null, fallback: number) => (value === null ? fallback : value);
  return [...kept].sort((a, b) => {
    if (filter.sort === "name") return byName(a, b);
    if (filter.sort === "burn") return unknownLast(b.burnRates["1h"], -1) - unknownLast(a.burnRates["1h"], -1) || byName(a, b);
    return unknownLast(a.errorBudgetRemaining, Number.POSITIVE_INFINITY) - unknownLast(b.errorBudgetRemaining, Number.POSITIVE_INFINITY) || byName(a, b);
  });
}

/** The distinct values a filter can choose from. */
export function filterOptions(rows: readonly ViewRow[]): { services: string[]; teams: string[] } {
  return {
    services: [...new Set(rows.map((row) => row.service))].sort(),
    teams: [...new Set(rows.flatMap((row) => (row.labels.team ? [row.labels.team] : [])))].sort(),
  };
}

export function formatPercent(value: number | null, digits = 2): string {
  if (value === null) return "no data";
  return `${(value * 100).toFixed(digits)} %`;
}

export function formatBurn(value: number | null): string {
  if (value === null) return "–";
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** "about 1,234 more failed requests" (minutes for boolean SLIs); null without data. */
export function eventsLeftText(eventsLeft: number | null, sliKind: string): string | null {
  if (eventsLeft === null) return null;
  const unit = sliKind === "bool" ? "minutes" : "failed events";
  if (eventsLeft < 0) return `over budget by about ${Math.abs(eventsLeft).toLocaleString("en-US")} ${unit}`;
  return `about ${eventsLeft.toLocaleString("en-US")} more ${unit} allowed`;
}
