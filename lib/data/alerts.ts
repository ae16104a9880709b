import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import { mergeAlerts, type MergedAlert } from "@/lib/alertmanager/merge";
import type { AlertmanagerStatus, InstanceResult } from "@/lib/alertmanager/types";
import { clusterName } from "@/lib/alerts/cluster";
import { createSnapshotStore, type ServedSnapshot, type SnapshotStore } from "@/lib/alerts/snapshot";
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
/** The alert list serves the last answer without waiting while it is younger than this... */
export const SNAPSHOT_MAX_AGE_MS = 30_000;
/** ...and reads the cluster again in the background once it is older than this. */
export const SNAPSHOT_REFRESH_AFTER_MS = 5_000;

const SNAPSHOT = Symbol.for("vigil.alertSnapshot");

/** One store per process, shared by the route handlers and the history poller (instrumentation). */
function snapshots(): SnapshotStore<ClusterAlerts> {
  const existing: unknown = Reflect.get(globalThis, SNAPSHOT);
  if (isSnapshotStore(existing)) return existing;
  const store = createSnapshotStore({ read: readCluster, sharedForMs: SHARED_FOR_MS, refreshAfterMs: SNAPSHOT_REFRESH_AFTER_MS, maxAgeMs: SNAPSHOT_MAX_AGE_MS });
  Reflect.set(globalThis, SNAPSHOT, store);
  return store;
}

function isSnapshotStore(value: unknown): value is SnapshotStore<ClusterAlerts> {
  return typeof value === "object" && value !== null && "latest" in value && "read" in value && "invalidate" in value;
}

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
export async function fetchClusterAlerts(signal?: AbortSignal, { fresh = false }: { fresh?: boolean } = {}): Promise<ClusterAlerts> {
  return (await abortable(snapshots().read({ fresh }), signal)).value;
}

/**
 * The cluster's alerts as last read, when that read is recent enough (SNAPSHOT_MAX_AGE_MS), else a
 * new read: what page loads show, so they do not wait for megabytes from every Alertmanager.
 * `asOf` is when the answer was read; `refreshing` says a newer one is on its way, which `after`
 * (an earlier answer's asOf) waits for.
 */
export async function latestClusterAlerts(signal?: AbortSignal, { after }: { after?: number } = {}): Promise<ServedSnapshot<ClusterAlerts>> {
  return abortable(after === undefined ? snapshots().latest() : snapshots().newerThan(after), signal);
}

/** After a change that alters the alerts (a silence, a test alert): the next reader waits for a new read. */
export function invalidateClusterAlerts(): void {
  snapshots().invalidate();
}

type Acknowledgements = Awaited<ReturnType<typeof acknowledgementsFor>>;

/** The acknowledgements of the alerts' current episodes; with Postgres down, none and why. */
async function acknowledgementsOf(cluster: string, alerts: readonly MergedAlert[]): Promise<{ acks: Acknowledgements; acknowledgementsError?: string }> {
  try {
    return { acks: await acknowledgementsFor(cluster, alerts) };
  } catch (error) {
    return { acks: new Map(), acknowledgementsError: `Acknowledgements are unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function listAlerts(alerts: readonly MergedAlert[], acks: Acknowledgements): ListedAlert[] {
  return alerts.map((alert) => ({ ...alert, acknowledgement: acks.get(`${alert.fingerprint}@${new Date(alert.startsAt).getTime()}`) ?? null }));
}

/**
 * The alert list: every alert of the cluster (as of the latest snapshot, see latestClusterAlerts)
 * with the acknowledgement of its current episode, read from Postgres on every call so that an
 * acknowledgement shows at once. With Postgres down the alerts still show, without
 * acknowledgements, and `acknowledgementsError` says why.
 */
export async function getAlertsOverview(signal?: AbortSignal): Promise<AlertsOverview & { acknowledgementsError?: string }> {
  const cluster = alertCluster();
  const { value, at, refreshing } = await latestClusterAlerts(signal);
  const { acks, acknowledgementsError } = await acknowledgementsOf(cluster, value.alerts);
  return {
    cluster,
    alerts: listAlerts(value.alerts, acks),
    instances: value.instances,
    asOf: new Date(at).toISOString(),
    refreshing,
    ...(acknowledgementsError ? { acknowledgementsError } : {}),
  };
}

/**
 * Some alerts of the latest snapshot by fingerprint, with their acknowledgements (looked up for
 * these alone: the detail panel must not pay for the whole list's).
 */
export async function getAlertsByFingerprint(
  fingerprints: readonly string[],
  signal?: AbortSignal,
): Promise<{ alerts: Map<string, ListedAlert>; acknowledgementsError?: string }> {
  const wanted = new Set(fingerprints);
  const { value } = await latestClusterAlerts(signal);
  const found = value.alerts.filter((alert) => wanted.has(alert.fingerprint));
  const { acks, acknowledgementsError } = await acknowledgementsOf(alertCluster(), found);
  return { alerts: new Map(listAlerts(found, acks).map((alert) => [alert.fingerprint, alert])), ...(acknowledgementsError ? { acknowledgementsError } : {}) };
}

/** The alert list's JSON text per snapshot, kept while the acknowledgements shown in it are the same. */
const listJson = new WeakMap<ClusterAlerts, { acknowledgements: string; json: string }>();

export interface AlertsOverviewJson {
  /** getAlertsOverview's answer as JSON text. */
  body: string;
  /** Milliseconds spent on each part, for a Server-Timing header. */
  timings: { snapshot: number; acknowledgements: number; serialize: number };
}

/**
 * getAlertsOverview as JSON text for GET /api/alerts. At 10,000 alerts the list is megabytes: it
 * is serialised once per snapshot and set of acknowledgements, not once per request.
 */
export async function getAlertsOverviewJson(signal?: AbortSignal, options: { after?: number } = {}): Promise<AlertsOverviewJson> {
  const cluster = alertCluster();
  const started = performance.now();
  const { value, at, refreshing } = await latestClusterAlerts(signal, options);
  const read = performance.now();
  const { acks, acknowledgementsError } = await acknowledgementsOf(cluster, value.alerts);
  const acknowledged = performance.now();
  const acknowledgements = JSON.stringify([...acks]);
  let cached = listJson.get(value);
  if (cached?.acknowledgements !== acknowledgements) {
    cached = { acknowledgements, json: JSON.stringify(listAlerts(value.alerts, acks)) };
    listJson.set(value, cached);
  }
  const head = {
    cluster,
    instances: value.instances,
    asOf: new Date(at).toISOString(),
    refreshing,
    ...(acknowledgementsError ? { acknowledgementsError } : {}),
  } satisfies Omit<AlertsOverview, "alerts"> & { acknowledgementsError?: string };
  const body = `${JSON.stringify(head).slice(0, -1)},"alerts":${cached.json}}`;
  return { body, timings: { snapshot: read - started, acknowledgements: acknowledged - read, serialize: performance.now() - acknowledged } };
}
