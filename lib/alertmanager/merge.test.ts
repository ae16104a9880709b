import { describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/errors";
import { fixtureServer } from "@/lib/http/fake-fetch";
import { mergeAlerts } from "./merge";
import { gettableAlertsSchema, type GettableAlert, type InstanceResult } from "./types";

const A = "http://am-a:9093";
const B = "http://am-b:9093";
const fixtures = fixtureServer(new URL("./fixtures/", import.meta.url));
// Recorded from two peers that both got the same alerts, plus one sent to peer A only.
const peerA = gettableAlertsSchema.parse(fixtures.json("alerts-peer-a.json"));
const peerB = gettableAlertsSchema.parse(fixtures.json("alerts-peer-b.json"));

function ok(instance: string, data: GettableAlert[]): InstanceResult<GettableAlert[]> {
  return { instance, ok: true, data, latencyMs: 1 };
}

describe("mergeAlerts", () => {
  it("keeps one alert per fingerprint and lists the instances that hold it", () => {
    const merged = mergeAlerts([ok(A, peerA), ok(B, peerB)]);
    const fingerprints = new Set([...peerA, ...peerB].map((alert) => alert.fingerprint));
    expect(merged.map((alert) => alert.fingerprint).sort()).toEqual([...fingerprints].sort());
    const onlyA = peerA.filter((alert) => !peerB.some((other) => other.fingerprint === alert.fingerprint));
    expect(onlyA.map((alert) => alert.labels.alertname)).toEqual(["AgentLoopDetected"]);
    for (const alert of merged) {
      expect(alert.instances).toEqual(onlyA.some((item) => item.fingerprint === alert.fingerprint) ? [A] : [A, B]);
    }
  });

  it("keeps the most recently updated copy when the peers differ", () => {
    const merged = mergeAlerts([ok(A, peerA), ok(B, peerB)]);
    for (const alert of merged) {
      const copies = [...peerA, ...peerB].filter((item) => item.fingerprint === alert.fingerprint);
      const newest = Math.max(...copies.map((item) => Date.parse(item.updatedAt)));
      expect(Date.parse(alert.updatedAt)).toBe(newest);
    }
  });

  it("gives the same alerts whichever instance answers first", () => {
    const byFingerprint = (alerts: ReturnType<typeof mergeAlerts>) =>
      alerts.map((alert) => ({ ...alert, instances: [...alert.instances].sort() })).sort((x, y) => x.fingerprint.localeCompare(y.fingerprint));
    expect(byFingerprint(mergeAlerts([ok(B, peerB), ok(A, peerA)]))).toEqual(byFingerprint(mergeAlerts([ok(A, peerA), ok(B, peerB)])));
  });

  it("skips instances that failed", () => {
    const error = new UpstreamError({ upstream: "alertmanager", instance: B, kind: "timeout", message: "did not answer" });
    const merged = mergeAlerts([ok(A, peerA), { instance: B, ok: false, error, latencyMs: 10_000 }]);
    expect(merged).toHaveLength(peerA.length);
    expect(merged.every((alert) => alert.instances.length === 1 && alert.instances[0] === A)).toBe(true);
  });

  it("lists an instance once even if it repeats an alert", () => {
    const first = peerA[0];
    if (!first) throw new Error("fixture has no alerts");
    expect(mergeAlerts([ok(A, [first, first])])).toEqual([{ ...first, instances: [A] }]);
  });

  it("gives nothing when every instance failed or there are none", () => {
    expect(mergeAlerts([])).toEqual([]);
  });
});
