import { GPU_METRICS } from "./naming";

/**
 * Mean graphics-engine activity per GPU in percent. MIG GPUs report DCGM_FI_PROF_GR_ENGINE_ACTIVE
 * per slice and no DCGM_FI_DEV_GPU_UTIL, so this is their utilisation.
 */
export const ENGINE_ACTIVITY_QUERY = "avg by (Hostname, hostname, gpu, modelName) (DCGM_FI_PROF_GR_ENGINE_ACTIVE) * 100";

/** Energy each GPU used over the window, in mJ (the counter DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION or its 1.x name). */
export function energyQuery(rangeSeconds: number): string {
  const names = GPU_METRICS.energyMillijoules.join("|");
  return `sum by (Hostname, hostname, node, gpu) (increase({__name__=~"${names}"}[${Math.max(60, Math.floor(rangeSeconds))}s]))`;
}

/** About 360 columns across the window, never under 15 s (two scrapes of a typical dcgm-exporter). */
export function chooseHeatmapStep(rangeSeconds: number): number {
  const raw = Math.max(15, Math.ceil(rangeSeconds / 360));
  const nice = [15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  return nice.find((step) => step >= raw) ?? raw;
}
