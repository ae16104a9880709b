import { formatMatchers, matchersMatch, validateSilenceMatchers } from "@/lib/alertmanager/matchers";
import type { LabelSet, Matcher } from "@/lib/alertmanager/types";

/*
 * Which alerts a silence mutes, decided exactly as Alertmanager decides it (silence.Matches on
 * labels.Matchers): every matcher must match, regexes are anchored, a missing label is "".
 * Checked against the real Alertmanager by silence-conformance.int.test.ts.
 */

export interface PreviewAlert {
  labels: LabelSet;
}

export type Preview<T extends PreviewAlert> =
  | { ok: true; matched: T[]; total: number }
  | { ok: false; problems: Array<{ index: number; message: string }> };

/**
 * The alerts a silence with these matchers would mute. A matcher set Alertmanager would refuse
 * (no matchers, a bad regex, every matcher matching "") previews nothing and says why.
 */
export function previewSilence<T extends PreviewAlert>(matchers: readonly Matcher[], alerts: readonly T[]): Preview<T> {
  const problems = validateSilenceMatchers(matchers);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, matched: alerts.filter((alert) => matchersMatch(matchers, alert.labels)), total: alerts.length };
}

/** The alerts a stored silence matches now (no validation: Alertmanager already accepted it). */
export function alertsMatching<T extends PreviewAlert>(matchers: readonly Matcher[], alerts: readonly T[]): T[] {
  return alerts.filter((alert) => matchersMatch(matchers, alert.labels));
}

/**
 * A canonical text for a matcher set (sorted, formatted as Alertmanager prints matchers):
 * two silences with the same key mute exactly the same alerts.
 */
export function matcherSetKey(matchers: readonly Matcher[]): string {
  const normalized = matchers.map((matcher) => ({ ...matcher, isEqual: matcher.isEqual ?? true }));
  const unique = [...new Set(normalized.map((matcher) => formatMatchers([matcher])))];
  return unique.sort().join(",");
}
