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
