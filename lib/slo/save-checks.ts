import "server-only";
import { sloFromStoredSpec, type StoredSloSpec } from "./spec";
import { assertLatencyEdge, prometheusClient } from "./edges";
import type { SloDefinition } from "./model";

/**
 * What a stored SLO must pass beyond its schema, against the live system: its datasource is a
 * configured source, and a latency threshold is a real bucket edge of the histogram's series.
 * Problems name the body's field (`spec.sli.latency.le`).
 */
export async function checkStoredSpec(spec: StoredSloSpec, signal?: AbortSignal): Promise<SloDefinition> {
  prometheusClient(spec.datasource, "spec.datasource");
  const slo = sloFromStoredSpec(spec, { file: "database", format: "stored" });
  if (slo.sli.kind === "latency") await assertLatencyEdge(slo.sli.histogram, slo.sli.le, spec.datasource, "spec.sli.latency.le", signal);
  return slo;
}
