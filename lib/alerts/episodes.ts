import { alertFingerprint } from "./fingerprint";

/*
 * Firing episodes from Prometheus's ALERTS{alertstate="firing"} series: each run of consecutive
 * samples (no gap longer than `maxGapSeconds`) is one episode. The labels are the series' labels
 * without __name__ and alertstate, which are the labels Prometheus sends to Alertmanager (no
 * external labels), so the fingerprint is Alertmanager's.
 */

export interface AlertsSeries {
  metric: Record<string, string>;
  values: ReadonlyArray<readonly [number, string]>;
}

export interface BackfilledEpisode {
  fingerprint: string;
  labels: Record<string, string>;
  alertName: string;
  startsAt: Date;
  /** The last sample of the run; null when the run reaches the end of the range (still firing). */
  resolvedAt: Date | null;
}

export function episodesFromAlertsSeries(series: readonly AlertsSeries[], maxGapSeconds: number, rangeEndSeconds: number): BackfilledEpisode[] {
  const episodes: BackfilledEpisode[] = [];
  for (const { metric, values } of series) {
    if (metric.alertstate !== undefined && metric.alertstate !== "firing") continue;
    const labels = Object.fromEntries(Object.entries(metric).filter(([name]) => name !== "__name__" && name !== "alertstate"));
    const fingerprint = alertFingerprint(labels);
    const alertName = labels.alertname ?? "";
    let start: number | undefined;
    let last: number | undefined;
    const close = () => {
      if (start === undefined || last === undefined) return;
      const open = rangeEndSeconds - last <= maxGapSeconds;
      episodes.push({ fingerprint, labels, alertName, startsAt: new Date(start * 1000), resolvedAt: open ? null : new Date(last * 1000) });
    };
    for (const [time] of values) {
      if (last !== undefined && time - last > maxGapSeconds) {
        close();
        start = undefined;
      }
      start ??= time;
      last = time;
    }
    close();
  }
  return episodes;
}

/** Whether two intervals overlap; an open end (null) reaches to now. */
export function overlaps(a: { startsAt: Date; resolvedAt: Date | null }, b: { startsAt: Date; resolvedAt: Date | null }, slackMs = 0): boolean {
  const aEnd = a.resolvedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bEnd = b.resolvedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.startsAt.getTime() <= bEnd + slackMs && b.startsAt.getTime() <= aEnd + slackMs;
}

/*
 * What one poll of Alertmanager changes in the recorded episodes. An episode is an alert's
 * (fingerprint, startsAt): Alertmanager keeps startsAt while an alert keeps firing, and a new one
 * means it resolved and fired again, which is a new episode (and unacknowledges it, as the
 * acknowledgements are keyed the same way). An episode recorded as resolved whose very alert is
 * firing again (same startsAt) was a blip, not a new firing: a poll that missed it, or
 * Alertmanager resolving it at resolve_timeout before Prometheus's next resend. It is reopened.
 */

export interface PolledAlert {
  fingerprint: string;
  startsAt: Date;
  silenced: boolean;
}

export interface RecordedEpisode {
  id: string;
  fingerprint: string;
  startsAt: Date;
  /** "alertmanager" (seen by the poller) or "prometheus" (backfilled from ALERTS). */
  source: string;
  silencedAt: Date | null;
  resolvedAt: Date | null;
}

export interface PollPlan {
  /** Alerts with no recorded episode: new episodes. */
  insert: PolledAlert[];
  /** Resolved episodes whose alert fires again with the same startsAt. */
  reopen: string[];
  /** Episodes seen silenced for the first time. */
  silence: string[];
  /** Open episodes whose alert is gone; only from a complete poll (every instance answered). */
  resolve: string[];
}

export const episodeKey = (fingerprint: string, startsAt: Date) => `${fingerprint}@${startsAt.getTime()}`;

/**
 * `known` holds the open episodes, plus any resolved ones with the key of a polled alert; the
 * plan is idempotent, so two consoles polling the same cluster agree.
 */
export function planPoll(polled: readonly PolledAlert[], known: readonly RecordedEpisode[], complete: boolean): PollPlan {
  const plan: PollPlan = { insert: [], reopen: [], silence: [], resolve: [] };
  const byKey = new Map(known.map((episode) => [episodeKey(episode.fingerprint, episode.startsAt), episode]));
  const firingKeys = new Set<string>();
  const firingFingerprints = new Set<string>();
  for (const alert of polled) {
    const key = episodeKey(alert.fingerprint, alert.startsAt);
    firingKeys.add(key);
    firingFingerprints.add(alert.fingerprint);
    const episode = byKey.get(key);
    if (!episode) {
      plan.insert.push(alert);
      continue;
    }
    if (episode.resolvedAt !== null) plan.reopen.push(episode.id);
    if (alert.silenced && episode.silencedAt === null) plan.silence.push(episode.id);
  }
  if (complete) {
    for (const episode of known) {
      if (episode.resolvedAt !== null || firingKeys.has(episodeKey(episode.fingerprint, episode.startsAt))) continue;
      // A backfilled episode's start is Prometheus's, not Alertmanager's: the fingerprint firing keeps it open.
      if (episode.source === "prometheus" && firingFingerprints.has(episode.fingerprint)) continue;
      plan.resolve.push(episode.id);
    }
  }
  return plan;
}
