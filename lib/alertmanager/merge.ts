import type { GettableAlert, InstanceResult } from "./types";

/** An alert as the cluster holds it, with the instances that reported it. */
export type MergedAlert = GettableAlert & { instances: string[] };

/**
 * One alert per fingerprint from the answers of every instance; failed instances are skipped.
 * Peers can disagree for a moment (a silence not yet gossiped, a newer resend from
 * Prometheus): the most recently updated copy wins. Order is the order first seen.
 */
export function mergeAlerts(results: ReadonlyArray<InstanceResult<readonly GettableAlert[]>>): MergedAlert[] {
  const merged = new Map<string, MergedAlert>();
  for (const result of results) {
    if (!result.ok) continue;
    for (const alert of result.data) {
      const seen = merged.get(alert.fingerprint);
      if (!seen) {
        merged.set(alert.fingerprint, { ...alert, instances: [result.instance] });
        continue;
      }
      const instances = seen.instances.includes(result.instance) ? seen.instances : [...seen.instances, result.instance];
      const newer = Date.parse(alert.updatedAt) > Date.parse(seen.updatedAt);
      merged.set(alert.fingerprint, newer ? { ...alert, instances } : { ...seen, instances });
    }
  }
  return [...merged.values()];
}
