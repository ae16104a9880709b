import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import { mergeAlerts, type MergedAlert } from "@/lib/alertmanager/merge";
import type { AlertmanagerStatus, InstanceResult } from "@/lib/alertmanager/types";
import { clusterName } from "@/lib/alerts/cluster";
import type { AlertsOverview, InstanceState, ListedAlert } from "@/lib/alerts/types";
import { env } from "@/lib/env";
import { UpstreamError } from "@/lib/errors";
import { acknowledgementsFor } from "./acknowledgements";

export type { AlertsOverview, InstanceState, ListedAlert } from "@/lib/alerts/types";

/** The stable name of the configured Alertmanager cluster (lib/alerts/cluster.ts). */
export function alertCluster(): string {
  return clusterName(env().ALERTMANAGER_URLS);
}

export interface ClusterAlerts {
  alerts: MergedAlert[];
  instances: InstanceState[];
  /** True when every instance answered: only then can an alert's absence mean it resolved. */
  complete: boolean;
}

function outage(failures: UpstreamError[]): UpstreamError {
  const [first] = failures;
  if (!first) throw new Error("outage() needs at least one failure");
  return new UpstreamError({
    upstream: "alertmanager",
    instance: first.instance,
    kind: first.kind,
    message: failures.length === 1 ? first.message : `No Alertmanager answered: ${failures.map((failure) => failure.message).join("; ")}`,
    cause: first,
  });
}

function instanceState(result: InstanceResult<unknown>, status: InstanceResult<AlertmanagerStatus> | undefined): InstanceState {
  if (!result.ok) return { instance: result.instance, ok: false, error: result.error.message };
  const state: InstanceState = { instance: result.instance, ok: true };
  if (status?.ok) {
    const { cluster, versionInfo } = status.data;
    state.cluster = { status: cluster.status, peers: cluster.peers.length, ...(cluster.name ? { name: cluster.name } : {}) };
    state.version = versionInfo.version;
  }
  return state;
}

async function readCluster(): Promise<ClusterAlerts> {
  const cluster = getAlertmanagers();
  const [results, statuses] = await Promise.all([cluster.alerts(), cluster.status()]);
  const failures = results.flatMap((result) => (result.ok ? [] : [result.error]));
  if (failures.length > 0 && failures.length === results.length) throw outage(failures);
  return {
    alerts: mergeAlerts(results),
    instances: results.map((result, index) => instanceState(result, statuses[index])),
    complete: failures.length === 0,
  };
}

/**
 * How long one answer from the cluster is shared. With 10,000 alerts each GET /api/v2/alerts is
 * megabytes that Alertmanager serialises (and it refuses past 8 concurrent GETs), so every viewer's
 * refresh and the history poller within this window share one request per instance.
 */
export const SHARED_FOR_MS = 2_000;
let shared: { promise: Promise<ClusterAlerts>; at: number } | undefined;

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Alerts from every Alertmanager, deduplicated by fingerprint, with each instance's answer and
 * cluster status. One instance down still returns the others' alerts; all down is an outage.
 * Concurrent callers share one request (see SHARED_FOR_MS); `fresh` skips an answer already made.
 */
export function fetchClusterAlerts(signal?: AbortSignal, { fresh = false }: { fresh?: boolean } = {}): Promise<ClusterAlerts> {
  const now = Date.now();
  if (!shared || fresh || now - shared.at > SHARED_FOR_MS) {
    const promise = readCluster();
    shared = { promise, at: now };
    // A failure is not shared beyond the callers already waiting for it.
    promise.catch(() => {
      if (shared?.promise === promise) shared = undefined;
    });
  }
  return abortable(shared.promise, signal);
}

/**
 * The alert list: every alert of the cluster with the acknowledgement of its current episode. With
 * Postgres down the alerts still show, without acknowledgements, and `acknowledgementsError` says why.
 */
export async function getAlertsOverview(signal?: AbortSignal): Promise<AlertsOverview & { acknowledgementsError?: string }> {
  const cluster = alertCluster();
  const { alerts, instances } = await fetchClusterAlerts(signal);
  let acks: Awaited<ReturnType<typeof acknowledgementsFor>> = new Map();
  let acknowledgementsError: string | undefined;
  try {
    acks = await acknowledgementsFor(cluster, alerts);
  } catch (error) {
    acknowledgementsError = `Acknowledgements are unavailable: ${error instanceof Error ? error.message : String(error)}`;
  }
  const listed: ListedAlert[] = alerts.map((alert) => ({
    ...alert,
    acknowledgement: acks.get(`${alert.fingerprint}@${new Date(alert.startsAt).getTime()}`) ?? null,
  }));
  return { cluster, alerts: listed, instances, ...(acknowledgementsError ? { acknowledgementsError } : {}) };
}
