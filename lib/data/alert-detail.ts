import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import type { GettableSilence } from "@/lib/alertmanager/types";
import { exprFromGeneratorUrl } from "@/lib/alerts/generator-url";
import type { ListedAlert } from "@/lib/alerts/types";
import { UpstreamError } from "@/lib/errors";
import { acknowledgementHistory, type AcknowledgementHistoryEntry } from "./acknowledgements";
import { alertHistory, type AlertHistory } from "./alert-history";
import { alertCluster, getAlertsByFingerprint } from "./alerts";

export interface AlertDetail {
  cluster: string;
  fingerprint: string;
  /** The alert as the cluster holds it now; null once it has resolved (history still answers). */
  alert: ListedAlert | null;
  expr: string | null;
  /** The silences in silencedBy, or the reason one could not be read. */
  silences: Array<{ id: string; silence: GettableSilence | null; error?: string }>;
  /** The alerts in inhibitedBy, as far as the cluster still holds them. */
  inhibitors: Array<{ fingerprint: string; alert: ListedAlert | null }>;
  acknowledgements: AcknowledgementHistoryEntry[];
  history: AlertHistory | null;
  /** Why the acknowledgements or history are missing (Postgres down), if they are. */
  errors: string[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Everything the detail panel shows about one alert. */
export async function getAlertDetail(fingerprint: string, signal?: AbortSignal): Promise<AlertDetail> {
  const cluster = alertCluster();
  // The alert first, then its inhibitors: two lookups in the same warm snapshot.
  const first = await getAlertsByFingerprint([fingerprint], signal);
  const alert = first.alerts.get(fingerprint) ?? null;
  const inhibiting = alert?.status.inhibitedBy.length ? await getAlertsByFingerprint(alert.status.inhibitedBy, signal) : undefined;
  const errors: string[] = first.acknowledgementsError ? [first.acknowledgementsError] : [];
  const silences = await Promise.all(
    (alert?.status.silencedBy ?? []).map(async (id) => {
      try {
        return { id, silence: (await getAlertmanagers().silence(id, { signal })).data };
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        return { id, silence: null, error: error.message };
      }
    }),
  );
  const inhibitors = (alert?.status.inhibitedBy ?? []).map((id) => ({ fingerprint: id, alert: inhibiting?.alerts.get(id) ?? null }));
  let acknowledgements: AcknowledgementHistoryEntry[] = [];
  let history: AlertHistory | null = null;
  try {
    const alertName = alert?.labels.alertname;
    [acknowledgements, history] = await Promise.all([
      acknowledgementHistory(cluster, fingerprint),
      alertHistory(cluster, fingerprint, alertName ?? ""),
    ]);
    if (!alertName && history) {
      // A resolved alert: its name comes from the episodes recorded while it fired.
      history = { ...history, sameName: { episodes: history.episodes.length, alerts: 1 } };
    }
  } catch (error) {
    errors.push(`History is unavailable: ${message(error)}`);
  }
  return {
    cluster,
    fingerprint,
    alert,
    expr: exprFromGeneratorUrl(alert?.generatorURL) ?? null,
    silences,
    inhibitors,
    acknowledgements,
    history,
    errors,
  };
}
