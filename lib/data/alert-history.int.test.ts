import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertFingerprint } from "@/lib/alerts/fingerprint";
import { db } from "@/lib/db";
import { startBackfilledPrometheus, type BackfilledPrometheus, type BackfillSeries } from "@/lib/slo/backfill";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { alertHistory, backfillFromPrometheus } from "./alert-history";
import { alertCluster } from "./alerts";

/*
 * Alert history backfilled from Prometheus's ALERTS series: a private Prometheus opens blocks
 * written with promtool from a known week of firings, and "how often did this fire this week" is
 * answered from what the backfill recorded in a private Postgres.
 */

const MINUTE = 60;
const now = Math.floor(Date.now() / 1000);
const at = (seconds: number) => new Date(seconds * 1000);
/** Backfilled blocks carry no staleness markers: a run stays visible for Prometheus's lookback (5 min) after its last sample. */
const LOOKBACK = 5 * MINUTE;

const flapping = { alertname: "BackfillFlapping", severity: "warning", service: "inferno" };
const stillFiring = { alertname: "BackfillStillFiring", severity: "critical", service: "triton" };
const known = { alertname: "BackfillKnown", severity: "info", service: "vllm" };

/** One sample a minute from `from` to `to` (unix seconds, inclusive). */
function run(from: number, to: number): Array<[number, number]> {
  const samples: Array<[number, number]> = [];
  for (let time = from; time <= to; time += MINUTE) samples.push([time, 1]);
  return samples;
}

const runs = {
  old: { from: now - 9 * 86_400, to: now - 9 * 86_400 + 10 * MINUTE },
  first: { from: now - 3 * 86_400, to: now - 3 * 86_400 + 30 * MINUTE },
  second: { from: now - 86_400, to: now - 86_400 + 20 * MINUTE },
};

const series: BackfillSeries[] = [
  { name: "ALERTS", labels: { ...flapping, alertstate: "firing" }, samples: [...run(runs.old.from, runs.old.to), ...run(runs.first.from, runs.first.to), ...run(runs.second.from, runs.second.to)] },
  // Pending before it fired: not an episode.
  { name: "ALERTS", labels: { ...flapping, alertstate: "pending" }, samples: run(runs.first.from - 5 * MINUTE, runs.first.from - MINUTE) },
  { name: "ALERTS", labels: { ...stillFiring, alertstate: "firing" }, samples: run(now - 120 * MINUTE, now - MINUTE) },
  { name: "ALERTS", labels: { ...known, alertstate: "firing" }, samples: run(now - 300 * MINUTE, now - 240 * MINUTE) },
];

let prometheus: BackfilledPrometheus;
let database: PrivateDatabase;

beforeAll(async () => {
  prometheus = await startBackfilledPrometheus(series, { retention: "30d" });
  process.env.PROMETHEUS_URL = prometheus.url;
  process.env.ALERTMANAGER_URLS = process.env.VIGIL_TEST_ALERTMANAGER_URLS;
  database = await createPrivateDatabase("history");
});

afterAll(async () => {
  await database?.drop();
  await prometheus?.stop();
});

describe("backfillFromPrometheus", () => {
  it("records one episode per firing run of the last week, skips what the poller saw, and answers how often it fired", async () => {
    const cluster = alertCluster();
    // The poller saw BackfillKnown (under Alertmanager's own startsAt, a little after Prometheus's).
    await db().alertEpisode.create({
      data: {
        cluster,
        fingerprint: alertFingerprint(known),
        startsAt: at(now - 298 * MINUTE),
        resolvedAt: at(now - 239 * MINUTE),
        alertName: known.alertname,
        labels: known,
        severity: "info",
        source: "alertmanager",
      },
    });

    expect(await backfillFromPrometheus(cluster, { now: at(now) })).toBe(3);

    const history = await alertHistory(cluster, alertFingerprint(flapping), flapping.alertname, 7, at(now));
    expect(history.sameName).toEqual({ episodes: 2, alerts: 1 });
    expect(history.episodes.map((episode) => [episode.startsAt, episode.source])).toEqual([
      [at(runs.second.from).toISOString(), "prometheus"],
      [at(runs.first.from).toISOString(), "prometheus"],
    ]);
    for (const [episode, window] of [[history.episodes[0], runs.second], [history.episodes[1], runs.first]] as const) {
      const resolved = Date.parse(episode?.resolvedAt ?? "") / 1000;
      expect(resolved).toBeGreaterThanOrEqual(window.to);
      expect(resolved).toBeLessThanOrEqual(window.to + LOOKBACK);
    }

    const open = await alertHistory(cluster, alertFingerprint(stillFiring), stillFiring.alertname, 7, at(now));
    expect(open.episodes).toEqual([expect.objectContaining({ startsAt: at(now - 120 * MINUTE).toISOString(), resolvedAt: null, source: "prometheus" })]);

    const seen = await alertHistory(cluster, alertFingerprint(known), known.alertname, 7, at(now));
    expect(seen.episodes.map((episode) => episode.source)).toEqual(["alertmanager"]);

    // A second console, or a restart, backfilling the same week adds nothing.
    expect(await backfillFromPrometheus(cluster, { now: at(now) })).toBe(0);
    expect(await db().alertEpisode.count()).toBe(4);
  });
});
