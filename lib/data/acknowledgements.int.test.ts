import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertmanagerCluster } from "@/lib/alertmanager/client";
import type { PostableAlert } from "@/lib/alertmanager/types";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { eventually } from "@/lib/testing/eventually";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { AcknowledgedFirstError, acknowledgeAlerts, acknowledgementHistory, acknowledgementsFor, recordExpiredAcknowledgements, unacknowledge } from "./acknowledgements";
import { alertHistory, recordPoll } from "./alert-history";
import { alertCluster, fetchClusterAlerts, getAlertsOverview } from "./alerts";

/*
 * Acknowledgements and alert history against the real two-peer Alertmanager cluster and Postgres.
 * Alerts are posted with a label unique to this run and resolved afterwards.
 */

const urls = (process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "").split(",").filter(Boolean);
const alertmanagers = createAlertmanagerCluster(urls, 5_000);
const run = randomBytes(4).toString("hex");
let database: PrivateDatabase;
let ann: TestPerson;
let bob: TestPerson;
const posted: PostableAlert[] = [];

function alertOf(name: string, extra: Record<string, string> = {}, startsAt = new Date()): PostableAlert {
  return {
    labels: { alertname: name, vigil_it_run: run, severity: "warning", ...extra },
    annotations: { summary: `${name} from the acknowledgement tests` },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  };
}

async function post(...alerts: PostableAlert[]): Promise<void> {
  posted.push(...alerts);
  const results = await alertmanagers.postAlerts(alerts);
  expect(results.every((result) => result.ok)).toBe(true);
}

/** The alert as the cluster holds it, once both peers have it. */
async function firing(name: string) {
  return eventually(async () => {
    const { alerts } = await fetchClusterAlerts();
    const alert = alerts.find((candidate) => candidate.labels.alertname === name && candidate.labels.vigil_it_run === run);
    expect(alert?.instances).toHaveLength(urls.length);
    if (!alert) throw new Error(`${name} is not firing yet`);
    return alert;
  });
}

beforeAll(async () => {
  expect(urls.length).toBeGreaterThanOrEqual(2);
  process.env.ALERTMANAGER_URLS = urls.join(",");
  process.env.PROMETHEUS_URL = process.env.VIGIL_TEST_PROMETHEUS_URL;
  database = await createPrivateDatabase("acks");
  ann = await createPerson("responder", "ann");
  bob = await createPerson("responder", "bob");
});

afterAll(async () => {
  const now = new Date().toISOString();
  if (posted.length > 0) await alertmanagers.postAlerts(posted.map((alert) => ({ ...alert, endsAt: now })));
  const silences = await alertmanagers.silences({ filter: [`vigil_it_run="${run}"`] });
  for (const result of silences) {
    if (!result.ok) continue;
    for (const silence of result.data) if (silence.status.state !== "expired") await alertmanagers.deleteSilence(silence.id).catch(() => undefined);
  }
  await database?.drop();
});

describe("acknowledging", () => {
  it("records who and when, shows on the alert list, and is audited in the same transaction", async () => {
    await post(alertOf("AckOne"));
    const alert = await firing("AckOne");
    const result = await acknowledgeAlerts(ann.actor, { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }], note: "looking" }, "10.0.0.1");
    expect(result.acknowledged).toHaveLength(1);
    expect(result.cluster).toBe(alertCluster());
    const overview = await getAlertsOverview();
    const listed = overview.alerts.find((candidate) => candidate.fingerprint === alert.fingerprint);
    expect(listed?.acknowledgement).toMatchObject({ by: ann.actor.name, note: "looking", expired: false });
    // Acknowledging does not silence: Alertmanager still delivers it.
    expect(listed?.status.state).toBe("active");
    const audit = await db().auditEvent.findMany({ where: { targetId: result.acknowledged[0]?.id } });
    expect(audit.map((event) => event.action)).toEqual(["alert.acknowledge"]);
  });

  it("lets exactly one of two people acknowledging at once win; the other is told who", async () => {
    await post(alertOf("AckRace"));
    const alert = await firing("AckRace");
    const ref = { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }] };
    const firingNow = (await fetchClusterAlerts()).alerts;
    const results = await Promise.allSettled([
      acknowledgeAlerts(ann.actor, ref, null, { firing: firingNow }),
      acknowledgeAlerts(bob.actor, ref, null, { firing: firingNow }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(AcknowledgedFirstError);
    const winner = await db().acknowledgement.findFirstOrThrow({ where: { fingerprint: alert.fingerprint }, select: { createdBy: { select: { name: true } } } });
    expect(String(lost[0])).toContain(`Already acknowledged by ${winner.createdBy.name}`);
    expect(await db().acknowledgementEvent.count({ where: { acknowledgement: { fingerprint: alert.fingerprint } } })).toBe(1);
  });

  it("unacknowledges, keeps the history, refuses a second withdrawal, and can be acknowledged again", async () => {
    await post(alertOf("AckUndo"));
    const alert = await firing("AckUndo");
    const ref = { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }] };
    const [ack] = (await acknowledgeAlerts(ann.actor, ref, null)).acknowledged;
    if (!ack) throw new Error("not acknowledged");
    await unacknowledge(bob.actor, ack.id, { note: "not mine" }, null);
    await expect(unacknowledge(bob.actor, ack.id, {}, null)).rejects.toThrow(ConflictError);
    expect((await getAlertsOverview()).alerts.find((candidate) => candidate.fingerprint === alert.fingerprint)?.acknowledgement).toBeNull();
    await acknowledgeAlerts(bob.actor, ref, null);
    const [history] = await acknowledgementHistory(alertCluster(), alert.fingerprint);
    expect(history?.by).toBe(bob.actor.name);
    expect(history?.events.map((event) => [event.action, event.by])).toEqual([
      ["acknowledged", ann.actor.name],
      ["unacknowledged", bob.actor.name],
      ["acknowledged", bob.actor.name],
    ]);
  });

  it("shows an expired acknowledgement as expired, records the expiry once, and lets someone else take over", async () => {
    await post(alertOf("AckExpiry"));
    const alert = await firing("AckExpiry");
    const ref = { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }] };
    await acknowledgeAlerts(ann.actor, { ...ref, expiresInMinutes: 5 }, null);
    await db().acknowledgement.updateMany({ where: { fingerprint: alert.fingerprint }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const listed = (await getAlertsOverview()).alerts.find((candidate) => candidate.fingerprint === alert.fingerprint);
    expect(listed?.acknowledgement).toMatchObject({ by: ann.actor.name, expired: true });
    await Promise.all([recordExpiredAcknowledgements(), recordExpiredAcknowledgements()]);
    const [history] = await acknowledgementHistory(alertCluster(), alert.fingerprint);
    expect(history?.events.map((event) => event.action)).toEqual(["acknowledged", "expired"]);
    await acknowledgeAlerts(bob.actor, ref, null);
    expect((await getAlertsOverview()).alerts.find((candidate) => candidate.fingerprint === alert.fingerprint)?.acknowledgement).toMatchObject({ by: bob.actor.name, expired: false });
  });

  it("unacknowledges an alert that resolves and fires again (a new startsAt)", async () => {
    const first = alertOf("AckRefire", {}, new Date(Date.now() - 60_000));
    await post(first);
    const alert = await firing("AckRefire");
    await acknowledgeAlerts(ann.actor, { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }] }, null);
    await alertmanagers.postAlerts([{ ...first, endsAt: new Date().toISOString() }]);
    await eventually(async () => {
      const { alerts } = await fetchClusterAlerts();
      expect(alerts.find((candidate) => candidate.fingerprint === alert.fingerprint)).toBeUndefined();
    });
    await post(alertOf("AckRefire"));
    const refired = await eventually(async () => {
      const found = await firing("AckRefire");
      expect(found.startsAt).not.toBe(alert.startsAt);
      return found;
    });
    expect(refired.fingerprint).toBe(alert.fingerprint);
    const listed = (await getAlertsOverview()).alerts.find((candidate) => candidate.fingerprint === alert.fingerprint);
    expect(listed?.acknowledgement).toBeNull();
    // The old episode's acknowledgement is refused for the new one rather than applied to it.
    await expect(acknowledgeAlerts(bob.actor, { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }] }, null)).rejects.toThrow(/fired again/);
  });

  it("acknowledges a group and silences it for N minutes, linking the silence", async () => {
    await post(alertOf("AckGroup", { pod: "a" }), alertOf("AckGroup", { pod: "b" }));
    await firing("AckGroup");
    const group = await eventually(async () => {
      const alerts = (await fetchClusterAlerts()).alerts.filter((alert) => alert.labels.alertname === "AckGroup" && alert.labels.vigil_it_run === run);
      expect(alerts).toHaveLength(2);
      return alerts;
    });
    const result = await acknowledgeAlerts(ann.actor, { alerts: group.map((alert) => ({ fingerprint: alert.fingerprint, startsAt: alert.startsAt })), silenceMinutes: 10 }, null);
    expect(result.acknowledged).toHaveLength(2);
    if (!result.silence || !("id" in result.silence)) throw new Error(`no silence: ${JSON.stringify(result.silence)}`);
    const silenceId = result.silence.id;
    const { data: silence } = await alertmanagers.silence(silenceId);
    expect(silence.matchers.map((matcher) => matcher.name).sort()).toEqual(["alertname", "severity", "vigil_it_run"]);
    expect(await db().acknowledgement.count({ where: { silenceId } })).toBe(2);
    await eventually(async () => {
      const alerts = (await fetchClusterAlerts()).alerts.filter((alert) => alert.labels.alertname === "AckGroup" && alert.labels.vigil_it_run === run);
      expect(alerts.every((alert) => alert.status.silencedBy.includes(silenceId))).toBe(true);
    });
    // A second acknowledgement of the whole group: nothing left to take, 409 naming Ann.
    await expect(acknowledgeAlerts(bob.actor, { alerts: group.map((alert) => ({ fingerprint: alert.fingerprint, startsAt: alert.startsAt })) }, null)).rejects.toThrow(/by IT ann/);
  });
});

describe("alert history", () => {
  it("records episodes idempotently from two pollers, marks silenced and resolved, and counts firings", async () => {
    const cluster = alertCluster();
    await post(alertOf("HistoryOne", {}, new Date(Date.now() - 120_000)));
    const alert = await firing("HistoryOne");
    const { alerts } = await fetchClusterAlerts();
    // Two consoles polling the same cluster at once.
    await Promise.all([recordPoll(cluster, alerts, true), recordPoll(cluster, alerts, true)]);
    expect(await db().alertEpisode.count({ where: { fingerprint: alert.fingerprint } })).toBe(1);
    const silenced = alerts.map((candidate) => (candidate.fingerprint === alert.fingerprint ? { ...candidate, status: { ...candidate.status, silencedBy: ["s"] } } : candidate));
    await recordPoll(cluster, silenced, true);
    const others = alerts.filter((candidate) => candidate.fingerprint !== alert.fingerprint);
    // An incomplete poll (a peer down) never resolves anything.
    await recordPoll(cluster, others, false);
    expect(await db().alertEpisode.findFirst({ where: { fingerprint: alert.fingerprint }, select: { resolvedAt: true } })).toEqual({ resolvedAt: null });
    await recordPoll(cluster, others, true);
    const history = await alertHistory(cluster, alert.fingerprint, "HistoryOne");
    expect(history.episodes).toHaveLength(1);
    expect(history.episodes[0]).toMatchObject({ startsAt: new Date(alert.startsAt).toISOString(), source: "alertmanager" });
    expect(history.episodes[0]?.silencedAt).not.toBeNull();
    expect(history.episodes[0]?.resolvedAt).not.toBeNull();
    // Seen again with the same startsAt (a missed poll, a resolve_timeout flap): the same episode, reopened.
    expect(await recordPoll(cluster, alerts, true)).toMatchObject({ inserted: 0, reopened: 1 });
    const reopened = await alertHistory(cluster, alert.fingerprint, "HistoryOne");
    expect(reopened.episodes).toHaveLength(1);
    expect(reopened.episodes[0]?.resolvedAt).toBeNull();
    await recordPoll(cluster, others, true);
    // It fires again: a second episode.
    await recordPoll(cluster, [{ ...alert, startsAt: new Date().toISOString() }], true);
    expect((await alertHistory(cluster, alert.fingerprint, "HistoryOne")).episodes).toHaveLength(2);
    expect((await alertHistory(cluster, alert.fingerprint, "HistoryOne")).sameName).toEqual({ episodes: 2, alerts: 1 });
  });
});

describe("reading the acknowledgements of listed alerts", () => {
  /** An acknowledgement row written directly: no Alertmanager needs to hold these alerts. */
  async function stored(cluster: string, fingerprint: string, startsAt: string, revoked = false) {
    await db().acknowledgement.create({
      data: { cluster, fingerprint, startsAt: new Date(startsAt), alertName: "SpanRead", labels: {}, createdById: ann.actor.userId, revokedAt: revoked ? new Date() : null },
    });
  }

  it("finds exactly the listed episodes: both ends of their span, not other episodes, clusters or revoked ones", async () => {
    const cluster = `span-${run}`;
    const first = "2026-01-01T00:00:00.001Z";
    const middle = "2026-01-01T06:00:00.000Z";
    const last = "2026-01-02T00:00:00.999Z";
    await stored(cluster, "aaaa", first);
    await stored(cluster, "bbbb", last);
    // The same alert's earlier episode, an unlisted alert inside the span, another cluster, a revoked one.
    await stored(cluster, "aaaa", "2025-12-31T23:59:59.999Z");
    await stored(cluster, "cccc", middle);
    await stored(`other-${run}`, "dddd", middle);
    await stored(cluster, "eeee", middle, true);
    const found = await acknowledgementsFor(cluster, [
      { fingerprint: "aaaa", startsAt: first },
      // Alertmanager's startsAt can carry nanoseconds: keys are whole milliseconds, as stored.
      { fingerprint: "bbbb", startsAt: "2026-01-02T00:00:00.999999999Z" },
      { fingerprint: "dddd", startsAt: middle },
      { fingerprint: "eeee", startsAt: middle },
    ]);
    expect([...found.keys()].sort()).toEqual([`aaaa@${Date.parse(first)}`, `bbbb@${Date.parse(last)}`]);
    expect(found.get(`aaaa@${Date.parse(first)}`)).toMatchObject({ by: ann.actor.name, expired: false });
    expect(await acknowledgementsFor(cluster, [])).toEqual(new Map());
  });
});
