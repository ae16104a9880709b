import type { GettableSilence } from "@/lib/alertmanager/types";
import { alertMatcherIndex, matcherSetKey, type AlertMatcher, type PreviewAlert } from "./preview";

/*
 * Silence hygiene: problems no other tool points out. A silence that mutes nothing is noise (or a
 * typo in a matcher); one about to end while its alerts still fire will page someone soon; two
 * silences with the same matchers are one too many.
 */

export type HygieneIssue =
  | { kind: "matches-nothing"; message: string }
  | { kind: "expiring-while-firing"; message: string; firing: number; endsInMs: number }
  | { kind: "duplicate"; message: string; duplicateOf: string[] };

export interface HygieneOptions {
  now: number;
  /** How close to its end a silence counts as "about to expire"; 1 h by default. */
  expiringWithinMs?: number;
  /** The alerts a matcher set matches; an index over `alerts` is built when not given. */
  matching?: AlertMatcher<PreviewAlert>;
}

export const DEFAULT_EXPIRING_WITHIN_MS = 60 * 60_000;

/** The hygiene issues of every active or pending silence, keyed by silence id (ids without issues are absent). */
export function silenceHygiene(
  silences: readonly GettableSilence[],
  alerts: readonly PreviewAlert[],
  { now, expiringWithinMs = DEFAULT_EXPIRING_WITHIN_MS, matching = alertMatcherIndex(alerts) }: HygieneOptions,
): Map<string, HygieneIssue[]> {
  const issues = new Map<string, HygieneIssue[]>();
  const add = (id: string, issue: HygieneIssue) => issues.set(id, [...(issues.get(id) ?? []), issue]);
  const live = silences.filter((silence) => silence.status.state !== "expired");

  const byKey = new Map<string, string[]>();
  for (const silence of live) {
    const key = matcherSetKey(silence.matchers);
    byKey.set(key, [...(byKey.get(key) ?? []), silence.id]);
  }

  for (const silence of live) {
    const matched = matching(silence.matchers).length;
    if (matched === 0) {
      add(silence.id, {
        kind: "matches-nothing",
        message: silence.status.state === "pending" ? "Would match no alert that fires now." : "Matches no alert that fires now.",
      });
    }
    const endsInMs = Date.parse(silence.endsAt) - now;
    if (silence.status.state === "active" && matched > 0 && endsInMs < expiringWithinMs) {
      add(silence.id, {
        kind: "expiring-while-firing",
        message: `Ends within ${Math.max(1, Math.ceil(endsInMs / 60_000))} min while ${matched} alert${matched === 1 ? "" : "s"} it mutes still fire${matched === 1 ? "s" : ""}.`,
        firing: matched,
        endsInMs,
      });
    }
    const twins = (byKey.get(matcherSetKey(silence.matchers)) ?? []).filter((id) => id !== silence.id);
    if (twins.length > 0) {
      add(silence.id, {
        kind: "duplicate",
        message: `Same matchers as ${twins.length === 1 ? "another silence" : `${twins.length} other silences`}.`,
        duplicateOf: twins,
      });
    }
  }
  return issues;
}
