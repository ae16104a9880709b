import { TEST_ALERT_LABEL, type TestAlertInput } from "@/lib/validations/test-alert";
import type { ParseResult } from "@/lib/alertmanager/matchers";
import { parseLabelInput } from "./routing";

export interface TestAlertForm {
  alertname: string;
  severity: string;
  service: string;
  /** More labels as `name="value", ...`. */
  extraLabels: string;
  summary: string;
  durationMinutes: number;
}

/** The body of POST /api/alerts/test from the form; the server validates it again. */
export function testAlertBody(form: TestAlertForm): ParseResult<Omit<TestAlertInput, "resolve">> {
  const alertname = form.alertname.trim();
  if (alertname === "") return { ok: false, error: "alertname is required." };
  const extra = form.extraLabels.trim() === "" ? { ok: true as const, value: {} } : parseLabelInput(form.extraLabels);
  if (!extra.ok) return { ok: false, error: `More labels: ${extra.error}` };
  const labels: Record<string, string> = { ...extra.value, alertname };
  if (form.severity) labels.severity = form.severity;
  if (form.service.trim()) labels.service = form.service.trim();
  const summary = form.summary.trim();
  return { ok: true, value: { labels, durationMinutes: form.durationMinutes, ...(summary ? { annotations: { summary } } : {}) } };
}

/** The labels to resolve a test alert with: what was sent, without the marker the server adds. */
export function resolveLabels(labels: Record<string, string>): Record<string, string> {
  const { [TEST_ALERT_LABEL]: _marker, ...rest } = labels;
  return rest;
}

export function isTestAlert(labels: Record<string, string>): boolean {
  return labels[TEST_ALERT_LABEL] === "true";
}
