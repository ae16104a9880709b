export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number] | "none";

/** The fields of an alert the severity summary reads. */
export interface SeverityInput {
  labels: Record<string, string>;
  status: { state: string };
}

export interface SeverityCounts {
  critical: number;
  warning: number;
  info: number;
  none: number;
  /** Silenced or inhibited alerts, counted apart: they are firing but someone has dealt with them. */
  suppressed: number;
}

/** Maps the severity label, in the spellings teams use, to one of ours. */
export function severityOf(labels: Record<string, string>): Severity {
  const value = (labels.severity ?? labels.priority ?? "").toLowerCase();
  if (["critical", "page", "p1", "high", "error"].includes(value)) return "critical";
  if (["warning", "warn", "p2", "medium"].includes(value)) return "warning";
  if (["info", "p3", "p4", "low", "none-paging", "ticket"].includes(value)) return "info";
  return "none";
}

/** Counts firing alerts by severity; suppressed alerts only count as suppressed. */
export function countBySeverity(alerts: SeverityInput[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, warning: 0, info: 0, none: 0, suppressed: 0 };
  for (const alert of alerts) {
    if (alert.status.state === "suppressed") counts.suppressed += 1;
    else if (alert.status.state === "active") counts[severityOf(alert.labels)] += 1;
  }
  return counts;
}

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2, none: 3 };

/** Most severe first; within a severity, the longest-firing first. */
export function compareBySeverity(
  a: { labels: Record<string, string>; startsAt: string },
  b: { labels: Record<string, string>; startsAt: string },
): number {
  return RANK[severityOf(a.labels)] - RANK[severityOf(b.labels)] || Date.parse(a.startsAt) - Date.parse(b.startsAt);
}
