import { formatMatchers, matcherFromType } from "@/lib/alertmanager/matchers";
import type { Matcher } from "@/lib/alertmanager/types";

/** Equality matchers for every label of an alert, alertname first: what a silence from this alert matches. */
export function matchersForLabels(labels: Record<string, string>): Matcher[] {
  const names = Object.keys(labels).sort((a, b) => (a === "alertname" ? -1 : b === "alertname" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => matcherFromType(name, "=", labels[name] ?? ""));
}

/** The labels every alert of a set shares with the same value: what a group's silence matches. */
export function commonLabels(labelSets: ReadonlyArray<Record<string, string>>): Record<string, string> {
  const [first, ...rest] = labelSets;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([name, value]) => rest.every((labels) => labels[name] === value)));
}

/** The silence editor, pre-filled (the silences page reads `matchers` as Alertmanager's text form). */
export function silenceLink(matchers: readonly Matcher[]): string {
  return `/silences/new?matchers=${encodeURIComponent(formatMatchers(matchers))}`;
}

export function exploreLink(expr: string): string {
  return `/explore?expr=${encodeURIComponent(expr)}`;
}

/** The dashboards page with the alert's labels as Grafana-style variables (`var-<label>=<value>`). */
export function dashboardLink(labels: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(labels)) if (name !== "alertname") params.append(`var-${name}`, value);
  const query = params.toString();
  return query ? `/dashboards?${query}` : "/dashboards";
}
