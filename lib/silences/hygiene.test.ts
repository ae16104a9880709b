import { describe, expect, it } from "vitest";
import { matcherFromType } from "@/lib/alertmanager/matchers";
import type { GettableSilence } from "@/lib/alertmanager/types";
import { silenceHygiene } from "./hygiene";

const now = Date.parse("2026-11-21T08:00:00Z");
const minutes = (count: number) => new Date(now + count * 60_000).toISOString();

function silence(id: string, state: GettableSilence["status"]["state"], matchers: GettableSilence["matchers"], endsInMinutes = 600): GettableSilence {
  return {
    id,
    status: { state },
    updatedAt: minutes(-10),
    matchers,
    startsAt: state === "pending" ? minutes(30) : minutes(-60),
    endsAt: minutes(endsInMinutes),
    createdBy: "oncall",
    comment: "test",
  };
}

const alerts = [
  { fingerprint: "1", labels: { alertname: "GpuMemoryHigh", instance: "gpu-0" } },
  { fingerprint: "2", labels: { alertname: "ServiceDown", instance: "inferno-0" } },
];

describe("silenceHygiene", () => {
  it("flags a silence that matches no firing alert, and not one that does", () => {
    const issues = silenceHygiene(
      [silence("typo", "active", [matcherFromType("alertname", "=", "GpuMemoryHihg")]), silence("ok", "active", [matcherFromType("alertname", "=", "GpuMemoryHigh")])],
      alerts,
      { now },
    );
    expect(issues.get("typo")?.map((issue) => issue.kind)).toEqual(["matches-nothing"]);
    expect(issues.has("ok")).toBe(false);
  });

  it("flags an active silence ending within the hour while its alerts fire; not one ending later or muting nothing", () => {
    const issues = silenceHygiene(
      [
        silence("soon", "active", [matcherFromType("alertname", "=", "ServiceDown")], 20),
        silence("later", "active", [matcherFromType("instance", "=", "gpu-0")], 120),
        silence("soon-empty", "active", [matcherFromType("alertname", "=", "Nothing")], 20),
      ],
      alerts,
      { now },
    );
    expect(issues.get("soon")).toEqual([
      { kind: "expiring-while-firing", message: "Ends within 20 min while 1 alert it mutes still fires.", firing: 1, endsInMs: 20 * 60_000 },
    ]);
    expect(issues.has("later")).toBe(false);
    expect(issues.get("soon-empty")?.map((issue) => issue.kind)).toEqual(["matches-nothing"]);
    expect(silenceHygiene([silence("soon", "active", [matcherFromType("alertname", "=", "ServiceDown")], 20)], alerts, { now, expiringWithinMs: 10 * 60_000 }).size).toBe(0);
  });

  it("flags duplicates by matcher set, in any order, but not expired copies", () => {
    const set = [matcherFromType("alertname", "=", "ServiceDown"), matcherFromType("instance", "=~", "inferno-.*")];
    const issues = silenceHygiene(
      [silence("a", "active", set), silence("b", "pending", [...set].reverse()), silence("old", "expired", set)],
      alerts,
      { now },
    );
    expect(issues.get("a")).toContainEqual({ kind: "duplicate", message: "Same matchers as another silence.", duplicateOf: ["b"] });
    expect(issues.get("b")?.find((issue) => issue.kind === "duplicate")).toMatchObject({ duplicateOf: ["a"] });
    expect(issues.has("old")).toBe(false);
  });
});
