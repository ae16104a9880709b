import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/lib/testing/eventually";
import { UpstreamError } from "@/lib/errors";
import { createAlertmanagerCluster, type AlertmanagerCluster } from "./client";
import { mergeAlerts } from "./merge";
import type { PostableAlert, PostableSilence } from "./types";

let urls: string[];
let cluster: AlertmanagerCluster;
// Labels unique to this run, so parallel runs and leftovers never match.
const run = randomUUID();
const silenceIds: string[] = [];
const testAlert = (endsAt: Date): PostableAlert => ({
  labels: { alertname: "VigilIntegrationTest", severity: "info", vigil_test_run: run },
  annotations: { summary: "Posted by lib/alertmanager/client.int.test.ts" },
  startsAt: new Date().toISOString(),
  endsAt: endsAt.toISOString(),
});

beforeAll(() => {
  urls = (process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "").split(",").filter((url) => url.trim() !== "");
  if (urls.length < 2) {
    throw new Error("VIGIL_TEST_ALERTMANAGER_URLS must list the 2 peers the integration project's global setup starts");
  }
  cluster = createAlertmanagerCluster(urls, 10_000);
});

afterAll(async () => {
  // Resolve the test alert and expire the silences so later runs start clean.
  await cluster.postAlerts([testAlert(new Date())]);
  for (const id of silenceIds) await cluster.deleteSilence(id).catch(() => undefined);
});


function silenceFor(comment: string): PostableSilence {
  const startsAt = new Date();
  return {
    matchers: [{ name: "vigil_test_run", value: run, isRegex: false, isEqual: true }],
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
    createdBy: "vigil-integration-test",
    comment,
  };
}

describe("Alertmanager cluster against real peers", () => {
  it("reports every peer's status with the cluster's members", async () => {
    const results = await eventually(async () => {
      const answer = await cluster.status();
      for (const result of answer) {
        if (!result.ok) throw result.error;
        if (result.data.cluster.status !== "ready") throw new Error(`${result.instance} is ${result.data.cluster.status}`);
      }
      return answer;
    });
    expect(results.map((result) => result.instance)).toEqual(urls.map((url) => url.replace(/\/+$/, "")));
    for (const result of results) {
      if (!result.ok) throw result.error;
      expect(result.data.cluster.peers).toHaveLength(urls.length);
      expect(result.data.versionInfo.version).toMatch(/^\d+\.\d+/);
    }
  });

  it("posts an alert to every peer and reads it back, deduplicated", async () => {
    const posted = await cluster.postAlerts([testAlert(new Date(Date.now() + 10 * 60_000))]);
    expect(posted.map((result) => result.ok)).toEqual(urls.map(() => true));

    const filter = [`vigil_test_run="${run}"`];
    const results = await eventually(async () => {
      const answer = await cluster.alerts({ filter });
      for (const result of answer) {
        if (!result.ok) throw result.error;
        if (result.data.length !== 1) throw new Error(`${result.instance} holds ${result.data.length} test alerts`);
      }
      return answer;
    });
    const merged = mergeAlerts(results);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.labels).toMatchObject({ alertname: "VigilIntegrationTest", vigil_test_run: run });
    expect(merged[0]?.instances).toEqual(results.map((result) => result.instance));

    const groups = await cluster.alertGroups({ filter });
    for (const result of groups) {
      if (!result.ok) throw result.error;
      expect(result.data.flatMap((group) => group.alerts).map((alert) => alert.fingerprint)).toEqual([merged[0]?.fingerprint]);
    }
  });

  it("creates, reads, updates and deletes a silence that the peers gossip", async () => {
    const original = silenceFor("Integration test silence");
    const created = await cluster.createOrUpdateSilence(original);
    const id = created.data.silenceID;
    silenceIds.push(id);
    expect(created.instance).toBe(cluster.instances[0]);

    // Written to one peer, readable from every peer once gossiped.
    for (const client of cluster.clients) {
      const silence = await eventually(() => client.silence(id));
      expect(silence).toMatchObject({ id, status: { state: "active" }, comment: "Integration test silence" });
    }
    const silenced = await eventually(async () => {
      const answer = await cluster.clients[0]?.alerts({ filter: [`vigil_test_run="${run}"`] });
      const alert = answer?.[0];
      if (alert?.status.state !== "suppressed") throw new Error("the test alert is not silenced yet");
      return alert;
    });
    expect(silenced.status.silencedBy).toContain(id);

    // Same start, later end: Alertmanager updates in place (a changed start would replace it under a new ID).
    const endsAt = new Date(Date.parse(original.endsAt) + 30 * 60_000).toISOString();
    const updated = await cluster.createOrUpdateSilence({ ...original, id, endsAt, comment: "Updated comment" });
    expect(updated.data.silenceID).toBe(id);
    const reread = await eventually(async () => {
      const silence = await cluster.silence(id);
      if (silence.data.comment !== "Updated comment") throw new Error("update not visible yet");
      return silence.data;
    });
    expect(reread.status.state).toBe("active");

    await eventually(async () => {
      for (const result of await cluster.silences({ filter: [`vigil_test_run="${run}"`] })) {
        if (!result.ok) throw result.error;
        const listed = result.data.find((silence) => silence.id === id);
        if (listed?.comment !== "Updated comment") throw new Error(`${result.instance} does not list the update yet`);
        expect(Date.parse(listed.endsAt)).toBe(Date.parse(endsAt));
      }
    });

    const deleted = await cluster.deleteSilence(id);
    expect(deleted).toEqual({ instance: cluster.instances[0], data: null });
    for (const client of cluster.clients) {
      await eventually(async () => {
        const silence = await client.silence(id);
        if (silence.status.state !== "expired") throw new Error(`${client.baseUrl} still has it ${silence.status.state}`);
      });
    }
  });

  it("passes on Alertmanager's validation message", async () => {
    const silence = silenceFor("ends before it starts");
    const error = await cluster
      .createOrUpdateSilence({ ...silence, startsAt: silence.endsAt, endsAt: silence.startsAt })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "api", status: 400 });
    expect(error instanceof UpstreamError && error.message).toMatch(/start time must be before end time/);
  });

  it("says when a silence does not exist", async () => {
    const error = await cluster.clients[0]?.silence(randomUUID()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "api", status: 404 });
  });
});
