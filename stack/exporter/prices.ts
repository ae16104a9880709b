import type { Model, NodeName, Tenant } from "./catalog.ts";

export interface NodePrice {
  /** USD per GPU-hour, as OpenCost's node_gpu_hourly_cost reports it. */
  gpuHourly: number;
  /** USD per vCPU-hour. */
  cpuHourly: number;
  /** USD per GiB-hour. */
  ramHourly: number;
  /** What a spot node's GPU would cost on demand; drives spot_savings_usd_total. */
  onDemandGpuHourly: number;
}

const CPU_HOURLY = 0.031611;
const RAM_HOURLY = 0.004237;

/**
 * Fixed prices. A seeded run reports exactly these (tests compute expected values from them);
 * an unseeded run lets the per-token and per-session figures drift a few percent with load.
 */
export const PRICES = {
  costPer1kTokens: { "llama-3-70b": 0.06, "llama-3-8b": 0.008, "mixtral-8x7b": 0.03 } satisfies Record<Model, number>,
  costPerSession: { prod: 0.31, acme: 0.42, globex: 0.27, initech: 0.22 } satisfies Record<Tenant, number>,
  /** The cost-spike incident multiplies llama-3-70b's per-token cost (and sessions by half of it). */
  costSpikeFactor: 2.2,
  costSpikeModel: "llama-3-70b" satisfies Model,
  nodes: {
    "gpu-node-1": { gpuHourly: 3.93, cpuHourly: CPU_HOURLY, ramHourly: RAM_HOURLY, onDemandGpuHourly: 3.93 },
    "gpu-node-2": { gpuHourly: 6.98, cpuHourly: CPU_HOURLY, ramHourly: RAM_HOURLY, onDemandGpuHourly: 6.98 },
    "gpu-node-3": { gpuHourly: 2.79, cpuHourly: CPU_HOURLY, ramHourly: RAM_HOURLY, onDemandGpuHourly: 6.98 },
    "cpu-node-1": { gpuHourly: 0, cpuHourly: CPU_HOURLY, ramHourly: RAM_HOURLY, onDemandGpuHourly: 0 },
    "cpu-node-2": { gpuHourly: 0, cpuHourly: CPU_HOURLY, ramHourly: RAM_HOURLY, onDemandGpuHourly: 0 },
  } satisfies Record<NodeName, NodePrice>,
} as const;
