import { describe, expect, it } from "vitest";
import { gettableAlertsSchema } from "@/lib/alertmanager/types";
import peerA from "@/lib/alertmanager/fixtures/alerts-peer-a.json";
import peerB from "@/lib/alertmanager/fixtures/alerts-peer-b.json";
import { alertFingerprint } from "./fingerprint";

describe("alertFingerprint", () => {
  it("computes exactly the fingerprints a real Alertmanager gave the recorded alerts", () => {
    const alerts = [...gettableAlertsSchema.parse(peerA), ...gettableAlertsSchema.parse(peerB)];
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) expect(alertFingerprint(alert.labels)).toBe(alert.fingerprint);
  });

  it("does not depend on the order labels are given in", () => {
    expect(alertFingerprint({ b: "2", a: "1" })).toBe(alertFingerprint({ a: "1", b: "2" }));
    expect(alertFingerprint({ a: "1" })).not.toBe(alertFingerprint({ a: "2" }));
  });
});
