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

export type AlertMatcher<T extends PreviewAlert> = (matchers: readonly Matcher[]) => T[];

/**
 * alertsMatching for many silences over many alerts (the list: hundreds of silences, thousands of
 * alerts, on every refresh). Alerts are indexed by label; a matcher set with a non-empty equality
 * matcher (nearly every silence) is only checked against the alerts carrying that label value.
 * Results are cached by matcher set. Same answers as alertsMatching.
 */
export function alertMatcherIndex<T extends PreviewAlert>(alerts: readonly T[]): AlertMatcher<T> {
  const byLabel = new Map<string, T[]>();
  for (const alert of alerts) {
    for (const [name, value] of Object.entries(alert.labels)) {
      const key = `${name}\u0000${value}`;
      const list = byLabel.get(key);
      if (list) list.push(alert);
      else byLabel.set(key, [alert]);
    }
  }
  const cache = new Map<string, T[]>();
  return (matchers) => {
    const key = matcherSetKey(matchers);
    const cached = cache.get(key);
    if (cached) return cached;
    const equality = matchers.find((matcher) => !matcher.isRegex && (matcher.isEqual ?? true) && matcher.value !== "");
    const candidates = equality ? (byLabel.get(`${equality.name}\u0000${equality.value}`) ?? []) : alerts;
    const matched = candidates.filter((alert) => matchersMatch(matchers, alert.labels));
    cache.set(key, matched);
    return matched;
  };
}
