import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertmanagerCluster, type AlertmanagerCluster } from "@/lib/alertmanager/client";
import { NotFoundError, UpstreamError, ValidationError } from "@/lib/errors";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { eventually } from "@/lib/testing/eventually";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import type { SilenceBody } from "@/lib/validations/silences";
import { createSilence, expireSilence, getSilencesOverview, updateSilence } from "./silences";

/*
 * The silence data layer against the real two-peer Alertmanager cluster and a private Postgres:
 * what one peer takes the other shows, edits that Alertmanager answers with a new id, Alertmanager's
 * own refusals passed on verbatim, the configured maximum duration, and an audit event per change.
 */

let database: PrivateDatabase;
let responder: TestPerson;
let cluster: AlertmanagerCluster;
const run = randomUUID();
const ids: string[] = [];

const body = (overrides: Partial<SilenceBody> = {}): SilenceBody => ({
  matchers: [{ name: "vigil_silence_it", operator: "=", value: run }],
  endsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
  comment: "lib/data/silences.int.test.ts",
  ...overrides,
});

beforeAll(async () => {
  const urls = process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "";
  if (urls.split(",").length < 2) throw new Error("VIGIL_TEST_ALERTMANAGER_URLS must list the two peers the integration setup starts");
  process.env.ALERTMANAGER_URLS = urls;
  process.env.VIGIL_SILENCE_MAX_DURATION = "1d";
  database = await createPrivateDatabase("silences");
  responder = await createPerson("responder");
  cluster = createAlertmanagerCluster(urls.split(","), 10_000);
  await cluster.postAlerts([
    { labels: { alertname: "VigilSilenceIT", vigil_silence_it: run }, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 30 * 60_000).toISOString() },
  ]);
});

afterAll(async () => {
  for (const id of ids) await cluster.deleteSilence(id).catch(() => undefined);
  await cluster.postAlerts([{ labels: { alertname: "VigilSilenceIT", vigil_silence_it: run }, endsAt: new Date().toISOString() }]).catch(() => undefined);
  await database?.drop();
});

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await database.query<{ action: string; actor_name: string }>("SELECT action, actor_name FROM audit_events WHERE target_id = $1 ORDER BY id", [targetId]);
  return rows.map((row) => `${row.action} by ${row.actor_name}`);
}

describe("silences through the console's data layer", () => {
  it("a silence written through one peer is seen, once, through both, with the alert it mutes", async () => {
    const second = cluster.clients[1];
    if (!second) throw new Error("no second peer");
    const now = Date.now();
    const { silenceID } = await second.createOrUpdateSilence({
      matchers: [{ name: "vigil_silence_it", value: run, isRegex: false, isEqual: true }],
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 10 * 60_000).toISOString(),
      createdBy: "peer-b",
      comment: "written to the second peer",
    });
    ids.push(silenceID);
    const overview = await eventually(async () => {
      const answer = await getSilencesOverview();
      const silence = answer.silences.find((candidate) => candidate.id === silenceID);
      if (silence?.instances.length !== 2) throw new Error("not gossiped to both peers yet");
      return answer;
    });
    expect(overview.silences.filter((silence) => silence.id === silenceID)).toHaveLength(1);
    expect(overview.instances.every((instance) => instance.ok)).toBe(true);
    expect(overview.maxDurationMs).toBe(86_400_000);
    const alert = overview.alerts.find((candidate) => candidate.labels.vigil_silence_it === run);
    expect(alert?.instances).toHaveLength(2);
    await cluster.deleteSilence(silenceID);
  });

  it("creates as the signed-in person, edits (following a new id), expires, and audits each step", async () => {
    const created = await createSilence(responder.actor, body(), "127.0.0.1");
    ids.push(created.silenceID);
    const stored = await cluster.silence(created.silenceID);
    expect(stored.data).toMatchObject({ createdBy: responder.actor.name, comment: "lib/data/silences.int.test.ts", status: { state: "active" } });

    // Same matchers, later end: updated in place.
    const extended = await updateSilence(responder.actor, created.silenceID, body({ endsAt: new Date(Date.now() + 2 * 60 * 60_000).toISOString(), comment: "extended" }), null);
    expect(extended.silenceID).toBe(created.silenceID);

    // Different matchers: Alertmanager expires the old silence and answers with a new id.
    const replaced = await updateSilence(
      responder.actor,
      created.silenceID,
      body({ matchers: [{ name: "vigil_silence_it", operator: "=~", value: `${run}|other` }], comment: "widened" }),
      null,
    );
    ids.push(replaced.silenceID);
    expect(replaced.silenceID).not.toBe(created.silenceID);
    expect((await cluster.silence(created.silenceID)).data.status.state).toBe("expired");

    await expireSilence(responder.actor, replaced.silenceID, null);
    expect((await cluster.silence(replaced.silenceID)).data.status.state).toBe("expired");
    await expect(expireSilence(responder.actor, replaced.silenceID, null)).rejects.toBeInstanceOf(ValidationError);

    expect(await auditActions(created.silenceID)).toEqual([`silence.create by ${responder.actor.name}`, `silence.update by ${responder.actor.name}`]);
    expect(await auditActions(replaced.silenceID)).toEqual([`silence.update by ${responder.actor.name}`, `silence.expire by ${responder.actor.name}`]);
  });

  it("refuses a silence longer than VIGIL_SILENCE_MAX_DURATION, naming the limit, before Alertmanager is asked", async () => {
    const before = (await getSilencesOverview()).silences.length;
    const attempt = createSilence(responder.actor, body({ endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }), null);
    await expect(attempt).rejects.toThrow(/at most 1d \(VIGIL_SILENCE_MAX_DURATION\)/);
    expect((await getSilencesOverview()).silences.length).toBe(before);
  });

  it("creates a silence that starts later as pending, its maximum duration counted from its start", async () => {
    const start = Date.now() + 2 * 3_600_000;
    // 23 h from a start 2 h away ends 25 h from now: within the 1d limit only when counted from the start.
    const created = await createSilence(responder.actor, body({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 23 * 3_600_000).toISOString() }), null);
    ids.push(created.silenceID);
    const { data: silence } = await cluster.silence(created.silenceID);
    expect(silence.status.state).toBe("pending");
    expect(Date.parse(silence.startsAt)).toBe(start);
    const listed = (await getSilencesOverview()).silences.find((candidate) => candidate.id === created.silenceID);
    expect(listed?.status.state).toBe("pending");
    await expect(createSilence(responder.actor, body({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 25 * 3_600_000).toISOString() }), null)).rejects.toThrow(/at most 1d/);
  });

  it("passes Alertmanager's own refusal on verbatim, as a 400", async () => {
    // A start in the past with an end before it passes nothing of ours only when sent raw; here the
    // end is after the start but Alertmanager refuses an update of an unknown id.
    const error = await updateSilence(responder.actor, randomUUID(), body(), null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    const refused = await cluster.createOrUpdateSilence({
      matchers: [{ name: "vigil_silence_it", value: run, isRegex: false, isEqual: true }],
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      endsAt: new Date(Date.now() + 30_000).toISOString(),
      createdBy: "test",
      comment: "end before start",
    }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(UpstreamError);
    if (!(refused instanceof UpstreamError)) return;
    expect(refused.httpStatus).toBe(400);
    expect(refused.message).toMatch(/start time must be before end time/);
  });
});
