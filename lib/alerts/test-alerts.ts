import { mergeAlerts } from "@/lib/alertmanager/merge";
import { gettableAlertsSchema } from "@/lib/alertmanager/types";
import peerA from "@/lib/alertmanager/fixtures/alerts-peer-a.json";
import peerB from "@/lib/alertmanager/fixtures/alerts-peer-b.json";
import type { AlertAcknowledgement, ListedAlert } from "./types";

/** The alerts two real Alertmanager peers returned (recorded fixtures), merged, for the unit tests. */
export function recordedAlerts(acknowledged: Record<string, Partial<AlertAcknowledgement>> = {}): ListedAlert[] {
  const merged = mergeAlerts([
    { instance: "http://am-a", ok: true, data: gettableAlertsSchema.parse(peerA), latencyMs: 1 },
    { instance: "http://am-b", ok: true, data: gettableAlertsSchema.parse(peerB), latencyMs: 1 },
  ]);
  return merged.map((alert) => {
    const ack = acknowledged[alert.fingerprint];
    return {
      ...alert,
      acknowledgement: ack
        ? { id: "ack", by: "Ann", at: alert.startsAt, note: null, expiresAt: null, expired: false, silenceId: null, ...ack }
        : null,
    };
  });
}
