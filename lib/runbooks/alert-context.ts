import { formatMatchers } from "../alertmanager/matchers.ts";

/**
 * The query string that opens a runbook in an alert's context: `?alert=<fingerprint>` when the
 * alert is known to Alertmanager, else its labels as `?labels={a="b",…}`, so the runbook's live
 * queries and dashboard links use the alert's label values.
 */
export function alertContextQuery(labels: Readonly<Record<string, string>>, fingerprint?: string): string {
  if (fingerprint) return `?alert=${encodeURIComponent(fingerprint)}`;
  const entries = Object.entries(labels);
  if (entries.length === 0) return "";
  const text = formatMatchers(entries.map(([name, value]) => ({ name, value, isRegex: false, isEqual: true })));
  return `?labels=${encodeURIComponent(text)}`;
}
