import { describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/errors";
import { mergeSilences, silenceAlerts } from "./merge";
import { recordedAlertsA, recordedAlertsB, recordedSilences } from "./silences.fixtures";

describe("mergeSilences", () => {
  it("keeps one silence per id across peers, newest copy winning, and skips a failed peer", () => {
    const [first, ...rest] = recordedSilences;
    if (!first) throw new Error("fixture has no silence");
    const newer = { ...first, comment: "changed on b", updatedAt: new Date(Date.parse(first.updatedAt) + 1000).toISOString() };
    const down = new UpstreamError({ upstream: "alertmanager", instance: "c", kind: "unreachable", message: "down" });
    const merged = mergeSilences([
      { instance: "a", ok: true, data: recordedSilences, latencyMs: 1 },
      { instance: "b", ok: true, data: [newer, ...rest], latencyMs: 1 },
      { instance: "c", ok: false, error: down, latencyMs: 1 },
    ]);
    expect(merged).toHaveLength(recordedSilences.length);
    expect(merged[0]).toMatchObject({ id: first.id, comment: "changed on b", instances: ["a", "b"] });
  });
});

describe("silenceAlerts", () => {
  it("deduplicates the peers' alerts by fingerprint and keeps their silencedBy", () => {
    const alerts = silenceAlerts([
      { instance: "a", ok: true, data: recordedAlertsA, latencyMs: 1 },
      { instance: "b", ok: true, data: recordedAlertsB, latencyMs: 1 },
    ]);
    const fingerprints = new Set([...recordedAlertsA, ...recordedAlertsB].map((alert) => alert.fingerprint));
    expect(alerts).toHaveLength(fingerprints.size);
    const gpu = alerts.find((alert) => alert.labels.alertname === "GpuMemoryHigh");
    expect(gpu?.silencedBy).toEqual(["213ceaf8-8154-4d89-8ea4-41f45cb8750c"]);
  });
});
