import { matchersMatch, parseMatchers, formatMatchers } from "@/lib/alertmanager/matchers";
import type { GettableSilence, LabelSet } from "@/lib/alertmanager/types";
import type { SilenceListFilters } from "@/lib/validations/silences";

/*
 * The silence list's filters. The matcher filter works as Alertmanager's own
 * GET /api/v2/silences?filter= does: the silence's matchers are read as a label set
 * (name -> value) and every filter matcher must match it.
 */

export type FilterResult<T> = { ok: true; silences: T[] } | { ok: false; error: string };

/** The label set Alertmanager's silence filter matches against (api/v2 silenceMatchesFilterLabels). */
export function silenceFilterLabels(silence: Pick<GettableSilence, "matchers">): LabelSet {
  const labels: LabelSet = {};
  for (const matcher of silence.matchers) labels[matcher.name] = matcher.value;
  return labels;
}

export function filterSilences<T extends GettableSilence>(silences: readonly T[], filters: SilenceListFilters): FilterResult<T> {
  const parsed = filters.matchers.trim() ? parseMatchers(filters.matchers) : { ok: true as const, value: [] };
  if (!parsed.ok) return { ok: false, error: `Matcher filter: ${parsed.error}` };
  const text = filters.text.trim().toLowerCase();
  const creator = filters.creator.trim().toLowerCase();
  const kept = silences.filter((silence) => {
    if (!filters.states.includes(silence.status.state)) return false;
    if (creator && !silence.createdBy.toLowerCase().includes(creator)) return false;
    if (parsed.value.length > 0 && !matchersMatch(parsed.value, silenceFilterLabels(silence))) return false;
    if (text) {
      const haystack = [silence.id, silence.comment, silence.createdBy, formatMatchers(silence.matchers)].join("\n").toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
  return { ok: true, silences: sortSilences(kept) };
}

const STATE_ORDER = { active: 0, pending: 1, expired: 2 } as const;

/** Active first (ending soonest first), then pending (starting soonest), then expired (most recent first). */
export function sortSilences<T extends GettableSilence>(silences: readonly T[]): T[] {
  return [...silences].sort((a, b) => {
    const byState = STATE_ORDER[a.status.state] - STATE_ORDER[b.status.state];
    if (byState !== 0) return byState;
    if (a.status.state === "active") return Date.parse(a.endsAt) - Date.parse(b.endsAt);
    if (a.status.state === "pending") return Date.parse(a.startsAt) - Date.parse(b.startsAt);
    return Date.parse(b.endsAt) - Date.parse(a.endsAt);
  });
}

/** "3h 20m left", "starts in 2h", "ended 1d ago": what the list shows for a silence's time. */
export function describeTimeLeft(silence: Pick<GettableSilence, "startsAt" | "endsAt" | "status">, now: number): string {
  const start = Date.parse(silence.startsAt);
  const end = Date.parse(silence.endsAt);
  if (silence.status.state === "pending") return `starts in ${humanize(start - now)}`;
  if (silence.status.state === "expired") return `ended ${humanize(now - end)} ago`;
  return `${humanize(end - now)} left`;
}

/** A coarse, readable length: "45s", "12m", "3h 20m", "2d 4h", "3w". */
export function humanize(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 14) return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
  return `${Math.floor(days / 7)}w`;
}
