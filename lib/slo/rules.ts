import { stringify } from "yaml";
import { ALERT_CONDITIONS, DAY_SECONDS, burnThreshold, windowSeconds } from "./burn";
import { BURN_WINDOWS, errorBudget, windowKey, type SloDefinition } from "./model";
import { eventQueries, presenceQuery, promString } from "./promql";

/**
 * Prometheus rules for SLOs: recording rules for the error ratio over every burn window and the
 * event counts over the SLO window, and the workbook's multi-window multi-burn-rate alerts
 * reading them, plus an alert when the SLI's series disappear.
 */

export const RUNBOOK_ORIGIN = "http://localhost:3000";
export const ALERT_NAMES = { page: "SLOBudgetBurnFast", ticket: "SLOBudgetBurnSlow", absent: "SLOMetricAbsent" } as const;

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<RecordingRule | AlertingRule>;
}

export function errorRatioRecord(window: string): string {
  return `slo:error_ratio:rate${window}`;
}
export const WINDOW_BAD_RECORD = "slo:events_bad:window";
export const WINDOW_TOTAL_RECORD = "slo:events_total:window";
export const OBJECTIVE_RECORD = "slo:objective:ratio";

/** Decimal text without an exponent or float noise: 0.0144, not 0.014400000000000001. */
export function decimal(value: number): string {
  const fixed = value.toFixed(12);
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

function identity(slo: SloDefinition): Record<string, string> {
  return { slo_id: slo.id, slo_service: slo.service, slo_name: slo.name };
}

function ratioOf(slo: SloDefinition, range: string): string {
  const queries = eventQueries(slo, range);
  return queries.kind === "ratio" ? queries.ratio : `${queries.bad}\n/\n${queries.total}`;
}

function runbook(slo: SloDefinition, fallback: string): string {
  return slo.runbookUrl ?? `${RUNBOOK_ORIGIN}/runbooks/${fallback}`;
}

function burnAlert(slo: SloDefinition, severity: "page" | "ticket"): AlertingRule {
  const budget = errorBudget(slo.objective);
  const length = slo.window.kind === "rolling" ? windowSeconds(slo.window) : 30 * DAY_SECONDS;
  const selector = `{slo_id=${promString(slo.id)}}`;
  const clauses = ALERT_CONDITIONS.filter((condition) => condition.severity === severity).map((condition) => {
    const limit = decimal(burnThreshold(condition, length) * budget);
    return `(\n  ${errorRatioRecord(condition.long)}${selector} > ${limit}\nand\n  ${errorRatioRecord(condition.short)}${selector} > ${limit}\n)`;
  });
  const fast = severity === "page";
  const windows = ALERT_CONDITIONS.filter((condition) => condition.severity === severity)
    .map((condition) => `${condition.long}/${condition.short} above ${burnThreshold(condition, length)}x`)
    .join(" or ");
  const group = slo.groupBy ? ` ({{ $labels.${slo.groupBy} }})` : "";
  return {
    alert: fast ? ALERT_NAMES.page : ALERT_NAMES.ticket,
    expr: clauses.join("\nor\n"),
    for: fast ? "2m" : "15m",
    labels: { severity: fast ? "critical" : "warning", service: slo.service, ...identity(slo), slo_alert: severity },
    annotations: {
      summary: `${slo.service} ${slo.name}${group} is burning its error budget ${fast ? "fast" : "steadily"}`,
      description:
        `The ${decimal(slo.objective * 100)} % ${windowKey(slo.window)} objective "${slo.name}" is losing budget: ` +
        `error ratio {{ $value | humanizePercentage }} (burn rate ${windows}).`,
      runbook_url: runbook(slo, fast ? "slo-budget-burn-fast" : "slo-budget-burn-slow"),
      slo_url: `${RUNBOOK_ORIGIN}/slos/${slo.id}`,
    },
  };
}

function absentAlert(slo: SloDefinition): AlertingRule {
  return {
    alert: ALERT_NAMES.absent,
    expr: `absent(${presenceQuery(slo)})`,
    for: "10m",
    labels: { severity: "warning", service: slo.service, ...identity(slo) },
    annotations: {
      summary: `${slo.service} ${slo.name}: the SLI's series are missing`,
      description: `No series match the SLI of "${slo.name}"; its figures show "no data" until they come back.`,
      runbook_url: `${RUNBOOK_ORIGIN}/runbooks/slo-metric-absent`,
      slo_url: `${RUNBOOK_ORIGIN}/slos/${slo.id}`,
    },
  };
}

/** The rule groups for these SLOs: one for the burn windows and alerts, one (every 5m) for the long window. */
export function sloRuleGroups(slos: readonly SloDefinition[]): RuleGroup[] {
  return slos.flatMap((slo): RuleGroup[] => {
    const labels = identity(slo);
    const burn: Array<RecordingRule | AlertingRule> = BURN_WINDOWS.map((window) => ({
      record: errorRatioRecord(window),
      expr: ratioOf(slo, window),
      labels,
    }));
    burn.push({ record: OBJECTIVE_RECORD, expr: `vector(${decimal(slo.objective)})`, labels: { ...labels, slo_window: windowKey(slo.window) } });
    if (slo.alerting.page) burn.push(burnAlert(slo, "page"));
    if (slo.alerting.ticket) burn.push(burnAlert(slo, "ticket"));
    if (slo.alerting.absent) burn.push(absentAlert(slo));
    // 30s is plenty for windows of 5 minutes and more, and keeps a fast-scraping Prometheus from spending itself on SLO rules.
    const groups: RuleGroup[] = [{ name: `slo:${slo.id}`, interval: "30s", rules: burn }];
    const counts = eventQueries(slo, windowKey(slo.window));
    if (slo.window.kind === "rolling" && counts.kind === "counts") {
      const windowLabels = { ...labels, slo_window: windowKey(slo.window) };
      groups.push({
        name: `slo:${slo.id}:window`,
        interval: "5m",
        rules: [
          { record: WINDOW_BAD_RECORD, expr: counts.bad, labels: windowLabels },
          { record: WINDOW_TOTAL_RECORD, expr: counts.total, labels: windowLabels },
        ],
      });
    }
    return groups;
  });
}

/** The rule file's text, as `vigil slo rules` prints it and deploy/prometheus/rules/slos.yml holds it. */
export function sloRulesYaml(slos: readonly SloDefinition[], source: string): string {
  const header =
    `# Generated by \`vigil slo rules ${source}\` from the SLO files; do not edit by hand.\n` +
    "# Recording rules: slo:error_ratio:rate<window> for the burn windows, slo:events_{bad,total}:window over\n" +
    "# the SLO window; alerts: multi-window multi-burn-rate (Google SRE workbook) and absent series.\n";
  return header + stringify({ groups: sloRuleGroups(slos) }, { lineWidth: 0, aliasDuplicateObjects: false });
}
