import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import { mergeAlerts, type MergedAlert } from "@/lib/alertmanager/merge";
import { UpstreamError } from "@/lib/errors";

export interface InstanceState {
  instance: string;
  ok: boolean;
  error?: string;
}

export interface AlertsOverview {
  alerts: MergedAlert[];
  instances: InstanceState[];
}

/**
 * Alerts from every Alertmanager, deduplicated by fingerprint. One instance down still
 * returns the others' alerts with that instance's error; all down is an outage.
 */
export async function getAlertsOverview(signal?: AbortSignal): Promise<AlertsOverview> {
  const results = await getAlertmanagers().alerts({ signal });
  const failures = results.flatMap((result) => (result.ok ? [] : [result.error]));
  const first = failures[0];
  if (first && failures.length === results.length) {
    throw new UpstreamError({
      upstream: "alertmanager",
      instance: first.instance,
      kind: first.kind,
      message:
        failures.length === 1 ? first.message : `No Alertmanager answered: ${failures.map((failure) => failure.message).join("; ")}`,
      cause: first,
    });
  }
  return {
    alerts: mergeAlerts(results),
    instances: results.map((result) =>
      result.ok ? { instance: result.instance, ok: true } : { instance: result.instance, ok: false, error: result.error.message },
    ),
  };
}
