import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertmanagerCluster, type AlertmanagerCluster } from "@/lib/alertmanager/client";
import { mergeAlerts } from "@/lib/alertmanager/merge";
import type { PostableAlert, PostableSilence } from "@/lib/alertmanager/types";
import { eventually } from "@/lib/testing/eventually";
import { alertmanagerServices } from "./alertmanager.ts";
import { ensureBinaries } from "./binaries.ts";
import { freePort } from "./ports.ts";
import type { Service } from "./service.ts";

/*
 * A cluster of three Alertmanager peers on loopback, as users who outgrow one run it: alerts
 * are deduplicated across peers, a silence written through one peer is seen through all, and
 * with a peer killed mid-test the console's cluster layer keeps serving alerts and silences.
 */

let dir: string;
let peers: Service[];
let cluster: AlertmanagerCluster;
const run = randomUUID();
const configFile = path.resolve(__dirname, "../deploy/alertmanager/alertmanager.yml");

const alert = (name: string, endsAt: Date): PostableAlert => ({
  labels: { alertname: name, severity: "info", vigil_test_run: run },
  annotations: { summary: "Posted by stack/alertmanager-three-peers.int.test.ts" },
  startsAt: new Date().toISOString(),
  endsAt: endsAt.toISOString(),
});

const silence = (comment: string): PostableSilence => ({
  matchers: [{ name: "vigil_test_run", value: run, isRegex: false, isEqual: true }],
  startsAt: new Date().toISOString(),
  endsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
  createdBy: "vigil-three-peer-test",
  comment,
});

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "vigil-am3-"));
  const ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = ports;
  peers = alertmanagerServices({
    binary: ensureBinaries().alertmanager,
    dataDir: dir,
    configFile,
    peers: [
      { port: a, clusterPort: b },
      { port: c, clusterPort: d },
      { port: e, clusterPort: f },
    ],
  });
  await Promise.all(peers.map((peer) => peer.start()));
  cluster = createAlertmanagerCluster([a, c, e].map((port) => `http://127.0.0.1:${port}`), 5_000);
  await eventually(async () => {
    for (const result of await cluster.status()) {
      expect(result.ok && result.data.cluster.peers.length).toBe(3);
    }
  }, 30_000);
}, 60_000);

afterAll(async () => {
  await Promise.all((peers ?? []).map((peer) => peer.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a three-peer Alertmanager cluster", () => {
  const later = () => new Date(Date.now() + 10 * 60_000);

  it("deduplicates alerts sent to every peer, naming all three as holders", async () => {
    const posted = await cluster.postAlerts([alert("ThreePeersA", later()), alert("ThreePeersB", later())]);
    expect(posted.every((result) => result.ok)).toBe(true);
    const merged = await eventually(async () => {
      const alerts = mergeAlerts(await cluster.alerts({ filter: [`vigil_test_run="${run}"`] }));
      expect(alerts).toHaveLength(2);
      return alerts;
    });
    for (const each of merged) expect(each.instances.sort()).toEqual([...cluster.instances].sort());
  });

  it("shows a silence written through one peer through all of them", async () => {
    const written = await cluster.createOrUpdateSilence(silence("written through the first peer"));
    expect(written.instance).toBe(cluster.instances[0]);
    await eventually(async () => {
      for (const result of await cluster.silences()) {
        expect(result.ok && result.data.some((each) => each.id === written.data.silenceID && each.status.state === "active")).toBe(true);
      }
    });
  });

  it("keeps serving alerts and taking silences with a peer killed mid-test, and the peer catches up when back", async () => {
    const [first] = peers;
    if (!first) throw new Error("no peers");
    await first.stop();
    try {
      const results = await cluster.alerts({ filter: [`vigil_test_run="${run}"`] });
      expect(results.filter((result) => !result.ok).map((result) => result.instance)).toEqual([cluster.instances[0]]);
      expect(mergeAlerts(results)).toHaveLength(2);

      // The first peer is down: the write goes to the next one that answers.
      const written = await cluster.createOrUpdateSilence(silence("written while the first peer was down"));
      expect(written.instance).toBe(cluster.instances[1]);
      await eventually(async () => {
        const silences = await cluster.silences();
        expect(silences.filter((result) => result.ok)).toHaveLength(2);
        for (const result of silences) if (result.ok) expect(result.data.some((each) => each.id === written.data.silenceID)).toBe(true);
      });

      await first.start();
      // Gossip's push-pull brings the silence it missed to the restarted peer.
      await eventually(async () => {
        const again = await cluster.clients[0]?.silences();
        expect(again?.some((each) => each.id === written.data.silenceID)).toBe(true);
      }, 45_000);
    } finally {
      if (!first.running) await first.start();
    }
  }, 90_000);
});
