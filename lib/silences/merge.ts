import type { GettableAlert, GettableSilence, InstanceResult } from "@/lib/alertmanager/types";
import { mergeAlerts, type MergedAlert } from "@/lib/alertmanager/merge";
import type { ClusterSilence, SilenceAlert } from "./types";

/**
 * One silence per id from every instance's answer; failed instances are skipped. Peers gossip
 * silences, so they normally agree; for a moment after a change they may not, and the copy
 * updated last wins.
 */
export function mergeSilences(results: ReadonlyArray<InstanceResult<readonly GettableSilence[]>>): ClusterSilence[] {
  const merged = new Map<string, ClusterSilence>();
  for (const result of results) {
    if (!result.ok) continue;
    for (const silence of result.data) {
      const seen = merged.get(silence.id);
      if (!seen) {
        merged.set(silence.id, { ...silence, instances: [result.instance] });
        continue;
      }
      const instances = seen.instances.includes(result.instance) ? seen.instances : [...seen.instances, result.instance];
      const newer = Date.parse(silence.updatedAt) > Date.parse(seen.updatedAt);
      merged.set(silence.id, newer ? { ...silence, instances } : { ...seen, instances });
    }
  }
  return [...merged.values()];
}

/** The cluster's alerts, deduplicated, reduced to what the silence pages need. */
export function silenceAlerts(results: ReadonlyArray<InstanceResult<readonly GettableAlert[]>>): SilenceAlert[] {
  return silenceAlertsOf(mergeAlerts(results));
}

/** Alerts already merged across instances, reduced to what the silence pages need. */
export function silenceAlertsOf(alerts: readonly MergedAlert[]): SilenceAlert[] {
  return alerts.map((alert) => ({
    fingerprint: alert.fingerprint,
    labels: alert.labels,
    startsAt: alert.startsAt,
    state: alert.status.state,
    silencedBy: alert.status.silencedBy,
    inhibitedBy: alert.status.inhibitedBy,
    instances: alert.instances,
  }));
}
