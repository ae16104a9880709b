import type { SloDefinition } from "./model";

/** Which SLOs an alert is about: the one its `slo_id` names (our burn-rate alerts), else those of its `service`. */
export function sloMatchesAlert(slo: Pick<SloDefinition, "id" | "service">, labels: Readonly<Record<string, string>>): boolean {
  if (labels.slo_id) return slo.id === labels.slo_id;
  return labels.service !== undefined && slo.service === labels.service;
}

interface AlertRow {
  group?: { label: string; value: string };
  alerts: { page: boolean; ticket: boolean };
  burnRates: { "1h": number | null };
}

/**
 * The rows to show on an alert: for grouped SLOs only the group value the alert carries (all of
 * them when it carries none); burning ones (an alert condition, or the 1h burn rate above 1) first.
 */
export function rowsForAlert<T extends AlertRow>(rows: readonly T[], labels: Readonly<Record<string, string>>): Array<T & { burning: boolean }> {
  return rows
    .filter((row) => !row.group || labels[row.group.label] === undefined || labels[row.group.label] === row.group.value)
    .map((row) => ({ ...row, burning: row.alerts.page || row.alerts.ticket || (row.burnRates["1h"] ?? 0) > 1 }))
    .sort((a, b) => Number(b.burning) - Number(a.burning) || (b.burnRates["1h"] ?? 0) - (a.burnRates["1h"] ?? 0));
}

/** The SLO page of a row. */
export function sloHref(id: string, group?: string): string {
  return `/slos/${encodeURIComponent(id)}${group !== undefined ? `?group=${encodeURIComponent(group)}` : ""}`;
}
