import type { GpuNodeName, GpuSpec, MigSlice } from "./catalog.ts";
import type { Moment } from "./kit.ts";
import type { Noise } from "./random.ts";
import { clamp, lerp } from "./signal.ts";

/**
 * GPU activity shared by NeuroNetes (gpu_util_pct) and dcgm-exporter (DCGM_FI_*), so the
 * platform's view and the hardware's view of one GPU agree.
 */

const BASE_UTIL: Record<GpuNodeName, number> = { "gpu-node-1": 58, "gpu-node-2": 60, "gpu-node-3": 55 };
export const SATURATED_NODE: GpuNodeName = "gpu-node-2";
export const XID_GPU = { node: "gpu-node-3", index: 0, code: 48 } as const;

function gpuKey(gpu: GpuSpec): string {
  return `${gpu.node}/${gpu.index}`;
}

/** Busy percentage of one MIG slice. */
export function sliceUtilPct(noise: Noise, m: Moment, gpu: GpuSpec, slice: MigSlice): number {
  return clamp(50 + 28 * m.load + 8 * noise.wobble(`mig.${gpuKey(gpu)}.${slice.instanceId}`, m.t, 75), 0, 100);
}

/** Busy percentage of a whole GPU; a MIG GPU's is its slices' average weighted by compute. */
export function gpuUtilPct(noise: Noise, m: Moment, gpu: GpuSpec): number {
  if (gpu.mig.length > 0) {
    const compute = gpu.mig.reduce((sum, slice) => sum + slice.compute, 0);
    return gpu.mig.reduce((sum, slice) => sum + sliceUtilPct(noise, m, gpu, slice) * slice.compute, 0) / compute;
  }
  const normal = BASE_UTIL[gpu.node] + 22 * m.load + 6 * noise.wobble(`util.${gpuKey(gpu)}`, m.t, 60);
  const saturated = gpu.node === SATURATED_NODE ? m.level("gpu-saturation") : 0;
  const busy = 97.8 + 1 * noise.wobble(`sat.${gpuKey(gpu)}`, m.t, 30);
  return clamp(lerp(normal, busy, saturated), 0, 100);
}

/** Framebuffer in use on one MIG slice, GiB. */
export function sliceMemoryUsedGiB(noise: Noise, m: Moment, gpu: GpuSpec, slice: MigSlice): number {
  return slice.memoryGiB * clamp(0.6 + 0.2 * m.load + 0.05 * noise.wobble(`migmem.${gpuKey(gpu)}.${slice.instanceId}`, m.t, 300), 0, 0.98);
}

/** Framebuffer in use on a GPU, GiB: model weights stay resident, the KV cache breathes with load. */
export function gpuMemoryUsedGiB(noise: Noise, m: Moment, gpu: GpuSpec): number {
  if (gpu.mig.length > 0) return gpu.mig.reduce((sum, slice) => sum + sliceMemoryUsedGiB(noise, m, gpu, slice), 0);
  const saturated = gpu.node === SATURATED_NODE ? m.level("gpu-saturation") : 0;
  const used = 52 + 10 * m.load + 8 * saturated + 2 * noise.wobble(`mem.${gpuKey(gpu)}`, m.t, 300);
  return clamp(used, 0, gpu.memoryGiB - 1);
}

/** The last XID error code of a GPU: 0 unless the xid-error incident hit it. */
export function xidCode(m: Moment, gpu: GpuSpec): number {
  return gpu.node === XID_GPU.node && gpu.index === XID_GPU.index && m.level("xid-error") > 0 ? XID_GPU.code : 0;
}
