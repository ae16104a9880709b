import type { LabelSet } from "@/lib/prometheus/types";

/**
 * GPU metric names and labels as the exporters spell them. dcgm-exporter 2.x+/3.x uses DCGM_FI_*
 * with `Hostname` (some deployments relabel it `hostname`); dcgm-exporter 1.x used dcgm_* names
 * with `uuid`; the NeuroNetes platform reports gpu_* families labelled `node`. Earlier names in
 * each list win when several describe the same GPU.
 */
export const GPU_METRICS = {
  util: ["DCGM_FI_DEV_GPU_UTIL", "dcgm_gpu_utilization", "gpu_util_pct"],
  /** Ratio 0-1 per GPU or per MIG slice; the only activity figure MIG slices have. */
  engineActive: ["DCGM_FI_PROF_GR_ENGINE_ACTIVE"],
  fbUsedMiB: ["DCGM_FI_DEV_FB_USED", "dcgm_fb_used"],
  fbFreeMiB: ["DCGM_FI_DEV_FB_FREE", "dcgm_fb_free"],
  vramUsedGB: ["gpu_vram_used_gb"],
  temperature: ["DCGM_FI_DEV_GPU_TEMP", "dcgm_gpu_temp"],
  powerWatts: ["DCGM_FI_DEV_POWER_USAGE", "dcgm_power_usage"],
  energyMillijoules: ["DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "dcgm_total_energy_consumption"],
  xid: ["DCGM_FI_DEV_XID_ERRORS", "dcgm_xid_errors"],
  migSliceUtil: ["gpu_mig_slice_util_pct"],
} as const;

export type GpuMeasure = keyof typeof GPU_METRICS;

/** A selector matching every name of a measure: `{__name__=~"A|B|C"}`. */
export function measureSelector(measure: GpuMeasure): string {
  return `{__name__=~"${GPU_METRICS[measure].join("|")}"}`;
}

/** Priority of a series' metric name within its measure; lower wins, -1 when it is not one of them. */
export function namePriority(measure: GpuMeasure, labels: LabelSet): number {
  const names: readonly string[] = GPU_METRICS[measure];
  return names.indexOf(labels.__name__ ?? "");
}

/** The node a GPU series belongs to, whichever label its exporter used. */
export function nodeOf(labels: LabelSet): string {
  return labels.Hostname ?? labels.hostname ?? labels.node ?? labels.kubernetes_node ?? labels.instance ?? "unknown";
}

/** The GPU index on its node (dcgm-exporter `gpu`, the platform's `gpu`, 1.x `minor_number`). */
export function gpuIndexOf(labels: LabelSet): string {
  return labels.gpu ?? labels.minor_number ?? labels.device?.replace(/^nvidia/, "") ?? "?";
}

/** One physical GPU: node and index. MIG slices of a GPU share its key. */
export function gpuKey(labels: LabelSet): string {
  return `${nodeOf(labels)}/${gpuIndexOf(labels)}`;
}

/** The MIG instance of a series, when it is one: profile from GPU_I_PROFILE or the platform's `slice`. */
export function migSliceOf(labels: LabelSet): { profile: string; instanceId: string } | undefined {
  if (labels.GPU_I_ID !== undefined && labels.GPU_I_ID !== "") {
    return { profile: labels.GPU_I_PROFILE ?? "unknown", instanceId: labels.GPU_I_ID };
  }
  if (labels.slice !== undefined && labels.slice !== "") return { profile: labels.slice, instanceId: labels.slice };
  return undefined;
}

/** "NVIDIA H100 80GB HBM3": dcgm-exporter's `modelName` (1.x and some setups: `model_name`, `modelname`). */
export function gpuModelOf(labels: LabelSet): string | undefined {
  return labels.modelName ?? labels.model_name ?? labels.modelname;
}

/** Who uses a GPU when dcgm-exporter maps GPUs to pods (`namespace`/`pod`, or `exported_*` after relabelling). */
export function consumerOf(labels: LabelSet): string | undefined {
  const pod = labels.pod ?? labels.exported_pod;
  const namespace = labels.namespace ?? labels.exported_namespace;
  if (!pod) return undefined;
  return namespace ? `${namespace}/${pod}` : pod;
}
