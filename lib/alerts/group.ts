import { severityOf, type Severity } from "@/lib/alertmanager/severity";
import type { ListedAlert } from "./types";

/** `severity`: most severe first, then longest firing; `startsAt`: newest first; `label:<name>`: by that label's value. */
export type AlertSort = "severity" | "startsAt" | `label:${string}`;

export interface SeverityTally {
  critical: number;
  warning: number;
  info: number;
  none: number;
}

export interface AlertGroupView {
  /** Stable key: the group's label values joined; "" when not grouping. */
  key: string;
  labels: Record<string, string>;
  alerts: ListedAlert[];
  counts: SeverityTally;
  /** The most severe severity in the group. */
  worst: Severity;
}

export type AlertListRow =
  | { kind: "group"; group: AlertGroupView; collapsed: boolean }
  | { kind: "alert"; alert: ListedAlert; groupKey: string };

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2, none: 3 };

function emptyTally(): SeverityTally {
  return { critical: 0, warning: 0, info: 0, none: 0 };
}

export function tallySeverities(alerts: readonly ListedAlert[]): SeverityTally {
  const tally = emptyTally();
  for (const alert of alerts) tally[cachedSeverity(alert)] += 1;
  return tally;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const severityCache = new WeakMap<object, Severity>();

/** severityOf, once per alert object: sorting 10,000 alerts calls it hundreds of thousands of times. */
function cachedSeverity(alert: ListedAlert): Severity {
  let severity = severityCache.get(alert);
  if (severity === undefined) {
    severity = severityOf(alert.labels);
    severityCache.set(alert, severity);
  }
  return severity;
}

export function alertComparator(sort: AlertSort): (a: ListedAlert, b: ListedAlert) => number {
  const byName = (a: ListedAlert, b: ListedAlert) => compareText(a.labels.alertname ?? "", b.labels.alertname ?? "") || compareText(a.fingerprint, b.fingerprint);
  if (sort === "startsAt") return (a, b) => compareText(b.startsAt, a.startsAt) || byName(a, b);
  if (sort.startsWith("label:")) {
    const label = sort.slice("label:".length);
    return (a, b) => compareText(a.labels[label] ?? "\uffff", b.labels[label] ?? "\uffff") || byName(a, b);
  }
  return (a, b) => RANK[cachedSeverity(a)] - RANK[cachedSeverity(b)] || compareText(a.startsAt, b.startsAt) || byName(a, b);
}

/** The alerts in `sort` order (a new array). Done once per data and sort, not per keystroke. */
export function sortAlerts(alerts: readonly ListedAlert[], sort: AlertSort): ListedAlert[] {
  return [...alerts].sort(alertComparator(sort));
}

/**
 * Groups alerts that are already in sort order by the values of `groupBy` (a missing label groups
 * as ""), keeping that order inside each group; groups come in the order of their first alert.
 */
export function groupSorted(sorted: readonly ListedAlert[], groupBy: readonly string[]): AlertGroupView[] {
  const groups = new Map<string, AlertGroupView>();
  for (const alert of sorted) {
    const values = groupBy.map((label) => alert.labels[label] ?? "");
    const key = values.join("\u0000");
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        labels: Object.fromEntries(groupBy.map((label, index) => [label, values[index] ?? ""])),
        alerts: [],
        counts: emptyTally(),
        worst: "none",
      };
      groups.set(key, group);
    }
    group.alerts.push(alert);
    const severity = cachedSeverity(alert);
    group.counts[severity] += 1;
    if (RANK[severity] < RANK[group.worst]) group.worst = severity;
  }
  return [...groups.values()];
}

/** Sorts with `sort`, then groups by `groupBy` (no labels: one group). */
export function groupAlerts(alerts: readonly ListedAlert[], groupBy: readonly string[], sort: AlertSort): AlertGroupView[] {
  return groupSorted(sortAlerts(alerts, sort), groupBy);
}

/** The rows the virtual list draws: a header per group, then its alerts unless it is collapsed. */
export function flattenGroups(groups: readonly AlertGroupView[], collapsed: ReadonlySet<string>, grouped: boolean): AlertListRow[] {
  const rows: AlertListRow[] = [];
  for (const group of groups) {
    const isCollapsed = grouped && collapsed.has(group.key);
    if (grouped) rows.push({ kind: "group", group, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const alert of group.alerts) rows.push({ kind: "alert", alert, groupKey: group.key });
  }
  return rows;
}

/** The index of the next (step 1) or previous (step -1) alert row from `from`, or `from` at either end. */
export function nextAlertRow(rows: readonly AlertListRow[], from: number, step: 1 | -1): number {
  for (let index = from + step; index >= 0 && index < rows.length; index += step) {
    if (rows[index]?.kind === "alert") return index;
  }
  return from;
}
