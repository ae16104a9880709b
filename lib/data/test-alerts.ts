import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import type { Actor } from "@/lib/auth/actor";
import { invalidateClusterAlerts } from "@/lib/data/alerts";
import { recordAuditNow } from "@/lib/data/audit";
import { TEST_ALERT_LABEL, type TestAlertInput } from "@/lib/validations/test-alert";

export interface TestAlertResult {
  labels: Record<string, string>;
  startsAt: string;
  endsAt: string;
  instances: Array<{ instance: string; ok: boolean; error?: string }>;
}

/**
 * Posts a test alert to every Alertmanager (alerts are not gossiped, so each peer needs its own
 * copy, as Prometheus does). The change lives in Alertmanager, not Postgres, so the audit event is
 * written once at least one instance has accepted it.
 */
export async function sendTestAlert(actor: Actor, input: TestAlertInput, address: string | null): Promise<TestAlertResult> {
  const labels: Record<string, string> = { ...input.labels, [TEST_ALERT_LABEL]: "true" };
  const now = new Date();
  const endsAt = input.resolve ? now : new Date(now.getTime() + input.durationMinutes * 60_000);
  const annotations = { summary: `Test alert sent from Vigil by ${actor.name}`, ...input.annotations };
  const results = await getAlertmanagers().postAlerts([
    { labels, annotations, startsAt: now.toISOString(), endsAt: endsAt.toISOString() },
  ]);
  invalidateClusterAlerts();
  const instances = results.map((result) =>
    result.ok ? { instance: result.instance, ok: true } : { instance: result.instance, ok: false, error: result.error.message },
  );
  if (instances.some((instance) => instance.ok)) {
    await recordAuditNow({
      actor,
      action: input.resolve ? "alert.test_resolve" : "alert.test_send",
      targetType: "alert",
      targetId: labels.alertname ?? "",
      after: { labels, annotations, endsAt: endsAt.toISOString(), instances },
      address,
    });
  }
  return { labels, startsAt: now.toISOString(), endsAt: endsAt.toISOString(), instances };
}
