import "server-only";
import type { MergedAlert } from "@/lib/alertmanager/merge";
import { severityOf } from "@/lib/alertmanager/severity";
import { episodeKey, episodesFromAlertsSeries, overlaps, planPoll } from "@/lib/alerts/episodes";
import { db } from "@/lib/db";
import { getPrometheus } from "@/lib/prometheus/client";
import { recordExpiredAcknowledgements } from "./acknowledgements";
import { alertCluster, fetchClusterAlerts } from "./alerts";

/*
 * Alert history: one row per firing episode (cluster + fingerprint + startsAt), written by a poller
 * as it reads Alertmanager and backfilled from Prometheus's ALERTS series. Every write is an insert
 * that skips existing keys or a conditional update, so two consoles polling the same cluster agree.
 */

export const POLL_INTERVAL_MS = 30_000;
export const BACKFILL_DAYS = 7;
const BACKFILL_STEP_SECONDS = 60;
/** Prometheus's startsAt is when the rule went pending, ALERTS{alertstate="firing"} starts after `for`. */
const OVERLAP_SLACK_MS = 15 * 60_000;

export interface PollResult {
  inserted: number;
  reopened: number;
  silenced: number;
  resolved: number;
}

/**
 * Records what one poll of Alertmanager saw (see planPoll): new episodes inserted, resolved ones
 * firing again with the same startsAt reopened, newly silenced ones marked, and, only when every
 * instance answered (`complete`), open episodes no longer firing resolved.
 */
export async function recordPoll(cluster: string, alerts: readonly MergedAlert[], complete: boolean, now = new Date()): Promise<PollResult> {
  const result: PollResult = { inserted: 0, reopened: 0, silenced: 0, resolved: 0 };
  const polled = alerts.map((alert) => ({ alert, fingerprint: alert.fingerprint, startsAt: new Date(alert.startsAt), silenced: alert.status.silencedBy.length > 0 }));
  const select = { id: true, fingerprint: true, startsAt: true, source: true, silencedAt: true, resolvedAt: true } as const;
  const open = await db().alertEpisode.findMany({ where: { cluster, resolvedAt: null }, select });
  const openKeys = new Set(open.map((episode) => episodeKey(episode.fingerprint, episode.startsAt)));
  // Resolved episodes that may be firing again: only the fingerprints without an open episode for this start.
  const unmatched = [...new Set(polled.filter((alert) => !openKeys.has(episodeKey(alert.fingerprint, alert.startsAt))).map((alert) => alert.fingerprint))];
  const resolved: typeof open = [];
  for (let offset = 0; offset < unmatched.length; offset += 5000) {
    const fingerprints = unmatched.slice(offset, offset + 5000);
    const chunk = new Set(fingerprints);
    const startsAts = [...new Set(polled.filter((alert) => chunk.has(alert.fingerprint)).map((alert) => alert.startsAt.getTime()))].map((ms) => new Date(ms));
    resolved.push(...(await db().alertEpisode.findMany({ where: { cluster, fingerprint: { in: fingerprints }, startsAt: { in: startsAts }, resolvedAt: { not: null } }, select })));
  }
  const plan = planPoll(polled, [...open, ...resolved], complete);
  const byKey = new Map(polled.map((entry) => [episodeKey(entry.fingerprint, entry.startsAt), entry.alert]));
  const rows = plan.insert.flatMap((entry) => {
    const alert = byKey.get(episodeKey(entry.fingerprint, entry.startsAt));
    if (!alert) return [];
    return [
      {
        cluster,
        fingerprint: alert.fingerprint,
        startsAt: entry.startsAt,
        alertName: alert.labels.alertname ?? "",
        labels: alert.labels,
        severity: severityOf(alert.labels),
        source: "alertmanager",
        silencedAt: entry.silenced ? now : null,
      },
    ];
  });
  for (let offset = 0; offset < rows.length; offset += 2000) {
    result.inserted += (await db().alertEpisode.createMany({ data: rows.slice(offset, offset + 2000), skipDuplicates: true })).count;
  }
  if (plan.reopen.length > 0) {
    result.reopened = (await db().alertEpisode.updateMany({ where: { id: { in: plan.reopen }, resolvedAt: { not: null } }, data: { resolvedAt: null } })).count;
  }
  if (plan.silence.length > 0) {
    result.silenced = (await db().alertEpisode.updateMany({ where: { id: { in: plan.silence }, silencedAt: null }, data: { silencedAt: now } })).count;
  }
  for (let offset = 0; offset < plan.resolve.length; offset += 5000) {
    const ids = plan.resolve.slice(offset, offset + 5000);
    result.resolved += (await db().alertEpisode.updateMany({ where: { id: { in: ids }, resolvedAt: null }, data: { resolvedAt: now } })).count;
  }
  return result;
}

/**
 * Backfills episodes from ALERTS{alertstate="firing"} over the last `days` days, skipping any that
 * overlap an episode already recorded for the same alert. Returns how many were added.
 */
export async function backfillFromPrometheus(cluster: string, { days = BACKFILL_DAYS, now = new Date(), signal }: { days?: number; now?: Date; signal?: AbortSignal } = {}): Promise<number> {
  const end = Math.floor(now.getTime() / 1000);
  const start = end - days * 86_400;
  const { data } = await getPrometheus().queryRange('ALERTS{alertstate="firing"}', { start, end, step: BACKFILL_STEP_SECONDS, signal });
  const episodes = episodesFromAlertsSeries(
    data.result.map((series) => ({ metric: series.metric, values: series.values })),
    BACKFILL_STEP_SECONDS * 3,
    end,
  );
  if (episodes.length === 0) return 0;
  const existing = await db().alertEpisode.findMany({
    where: { cluster, fingerprint: { in: [...new Set(episodes.map((episode) => episode.fingerprint))] }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date((start - 86_400) * 1000) } }] },
    select: { fingerprint: true, startsAt: true, resolvedAt: true },
  });
  const byFingerprint = new Map<string, typeof existing>();
  for (const episode of existing) byFingerprint.set(episode.fingerprint, [...(byFingerprint.get(episode.fingerprint) ?? []), episode]);
  const missing = episodes.filter((episode) => !(byFingerprint.get(episode.fingerprint) ?? []).some((known) => overlaps(known, episode, OVERLAP_SLACK_MS)));
  if (missing.length === 0) return 0;
  const { count } = await db().alertEpisode.createMany({
    data: missing.map((episode) => ({
      cluster,
      fingerprint: episode.fingerprint,
      startsAt: episode.startsAt,
      alertName: episode.alertName,
      labels: episode.labels,
      severity: severityOf(episode.labels),
      resolvedAt: episode.resolvedAt,
      source: "prometheus",
    })),
    skipDuplicates: true,
  });
  return count;
}

export interface AlertEpisodeView {
  startsAt: string;
  resolvedAt: string | null;
  silencedAt: string | null;
  acknowledgedAt: string | null;
  source: string;
}

export interface AlertHistory {
  days: number;
  /** This alert's (this fingerprint's) episodes in the window, newest first. */
  episodes: AlertEpisodeView[];
  /** How often any alert of the same name fired in the window, and for how many label sets. */
  sameName: { episodes: number; alerts: number };
}

/** "How often did this fire this week": the alert's episodes and its alert name's count over `days` days. */
export async function alertHistory(cluster: string, fingerprint: string, alertName: string, days = BACKFILL_DAYS, now = new Date()): Promise<AlertHistory> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const window = { OR: [{ startsAt: { gte: since } }, { resolvedAt: null }, { resolvedAt: { gte: since } }] };
  const [episodes, sameName] = await Promise.all([
    db().alertEpisode.findMany({
      where: { cluster, fingerprint, ...window },
      orderBy: { startsAt: "desc" },
      take: 200,
      select: { startsAt: true, resolvedAt: true, silencedAt: true, acknowledgedAt: true, source: true },
    }),
    db().alertEpisode.findMany({ where: { cluster, alertName, ...window }, select: { fingerprint: true } }),
  ]);
  return {
    days,
    episodes: episodes.map((episode) => ({
      startsAt: episode.startsAt.toISOString(),
      resolvedAt: episode.resolvedAt?.toISOString() ?? null,
      silencedAt: episode.silencedAt?.toISOString() ?? null,
      acknowledgedAt: episode.acknowledgedAt?.toISOString() ?? null,
      source: episode.source,
    })),
    sameName: { episodes: sameName.length, alerts: new Set(sameName.map((episode) => episode.fingerprint)).size },
  };
}

/** One round of the poller: record the alerts, note lapsed acknowledgements. */
export async function pollOnce(): Promise<PollResult> {
  const { alerts, complete } = await fetchClusterAlerts(AbortSignal.timeout(POLL_INTERVAL_MS));
  const result = await recordPoll(alertCluster(), alerts, complete);
  await recordExpiredAcknowledgements();
  return result;
}

const POLLER = Symbol.for("vigil.alertPoller");

/**
 * Starts the history poller once per process (instrumentation.ts, Node runtime): a poll every
 * POLL_INTERVAL_MS, and one backfill from Prometheus after the first poll. Failures are logged
 * and retried on the next round; they never stop the server.
 */
export function startAlertPoller(): void {
  if (Reflect.get(globalThis, POLLER)) return;
  Reflect.set(globalThis, POLLER, true);
  let backfilled = false;
  const round = async () => {
    try {
      await pollOnce();
      if (!backfilled) {
        await backfillFromPrometheus(alertCluster(), { signal: AbortSignal.timeout(60_000) });
        backfilled = true;
      }
    } catch (error) {
      console.warn(`Alert history poll failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(() => void round(), POLL_INTERVAL_MS);
  timer.unref();
  setTimeout(() => void round(), 5_000).unref();
}
