import "server-only";
import { getPrometheus } from "@/lib/prometheus/client";
import { externalSlos, PYRRA_SELECTOR, SLOTH_SELECTOR, type ExternalSlo, type ExternalSloList } from "./external";
import { vectorSamples } from "./prometheus-http";

export type { ExternalSlo, ExternalSloList } from "./external";

/** Discovers the SLOs Sloth and Pyrra record in the default Prometheus: two instant queries. */
export async function discoverExternalSlos(signal?: AbortSignal): Promise<ExternalSloList> {
  const client = getPrometheus();
  try {
    const [sloth, pyrra] = await Promise.all([client.query(SLOTH_SELECTOR, { signal }), client.query(PYRRA_SELECTOR, { signal })]);
    return { slos: externalSlos(vectorSamples(sloth.data), vectorSamples(pyrra.data)) };
  } catch (error) {
    return { slos: [], error: `Sloth and Pyrra SLOs could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function findExternalSlo(key: string, signal?: AbortSignal): Promise<{ slo?: ExternalSlo; error?: string }> {
  const list = await discoverExternalSlos(signal);
  return { slo: list.slos.find((slo) => slo.key === key), error: list.error };
}
