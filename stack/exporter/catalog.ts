import { hashString, mix } from "./random.ts";

/** The demo world's fixed facts: names and label values that dashboards and alert rules match on. */

export const MODELS = ["llama-3-70b", "llama-3-8b", "mixtral-8x7b"] as const;
export type Model = (typeof MODELS)[number];

export const TENANTS = ["prod", "acme", "globex", "initech"] as const;
export type Tenant = (typeof TENANTS)[number];

export const ROUTES = ["/chat", "/complete", "/embed"] as const;
export type Route = (typeof ROUTES)[number];

export const TOOLS = ["web_search", "code_search", "sql_query", "calculator"] as const;
export type Tool = (typeof TOOLS)[number];

export interface MigSlice {
  profile: string;
  instanceId: number;
  /** Compute slices out of 7; weights the slice in the parent GPU's utilization. */
  compute: number;
  memoryGiB: number;
}

export interface GpuSpec {
  node: GpuNodeName;
  index: number;
  uuid: string;
  pciBusId: string;
  modelName: string;
  memoryGiB: number;
  idleWatts: number;
  wattsPerPct: number;
  mig: readonly MigSlice[];
}

export const NODE_NAMES = ["gpu-node-1", "gpu-node-2", "gpu-node-3", "cpu-node-1", "cpu-node-2"] as const;
export type NodeName = (typeof NODE_NAMES)[number];
export type GpuNodeName = Extract<NodeName, `gpu-${string}`>;
export const GPU_NODE_NAMES: readonly GpuNodeName[] = ["gpu-node-1", "gpu-node-2", "gpu-node-3"];

export interface NodeSpec {
  name: NodeName;
  instanceType: string;
  region: string;
  vcpus: number;
  ramGiB: number;
  spot: boolean;
}

export const NODES: readonly NodeSpec[] = [
  { name: "gpu-node-1", instanceType: "a2-ultragpu-4g", region: "us-central1", vcpus: 48, ramGiB: 680, spot: false },
  { name: "gpu-node-2", instanceType: "a3-highgpu-4g", region: "us-central1", vcpus: 104, ramGiB: 936, spot: false },
  { name: "gpu-node-3", instanceType: "a3-highgpu-2g", region: "us-central1", vcpus: 52, ramGiB: 468, spot: true },
  { name: "cpu-node-1", instanceType: "n2-standard-16", region: "us-central1", vcpus: 16, ramGiB: 64, spot: false },
  { name: "cpu-node-2", instanceType: "n2-standard-16", region: "us-central1", vcpus: 16, ramGiB: 64, spot: false },
];

export const DCGM_DRIVER_VERSION = "550.90.07";
const A100 = { modelName: "NVIDIA A100-SXM4-80GB", memoryGiB: 80, idleWatts: 90, wattsPerPct: 2.9 };
const H100 = { modelName: "NVIDIA H100 80GB HBM3", memoryGiB: 80, idleWatts: 120, wattsPerPct: 5.1 };

function gpu(node: GpuNodeName, index: number, kind: typeof A100, mig: readonly MigSlice[] = []): GpuSpec {
  const hex = (salt: number, length: number) => mix(hashString(node), index, salt).toString(16).padStart(8, "0").slice(0, length);
  return {
    node,
    index,
    uuid: `GPU-${hex(1, 8)}-${hex(2, 4)}-${hex(3, 4)}-${hex(4, 4)}-${hex(5, 8)}${hex(6, 4)}`,
    pciBusId: `00000000:${(0x07 + index * 0x10).toString(16).toUpperCase().padStart(2, "0")}:00.0`,
    ...kind,
    mig,
  };
}

function slice(profile: string, instanceId: number): MigSlice {
  const match = /^(\d)g\.(\d+)gb$/.exec(profile);
  if (!match) throw new Error(`bad MIG profile ${profile}`);
  return { profile, instanceId, compute: Number(match[1]), memoryGiB: Number(match[2]) };
}

/** Ten GPUs on three nodes; three of them are split into MIG slices (one profile per GPU, so slices stay distinct). */
export const GPUS: readonly GpuSpec[] = [
  gpu("gpu-node-1", 0, A100),
  gpu("gpu-node-1", 1, A100),
  gpu("gpu-node-1", 2, A100, [slice("3g.40gb", 1), slice("2g.20gb", 3), slice("1g.10gb", 9)]),
  gpu("gpu-node-1", 3, A100, [slice("4g.40gb", 1), slice("2g.20gb", 5), slice("1g.10gb", 13)]),
  gpu("gpu-node-2", 0, H100),
  gpu("gpu-node-2", 1, H100),
  gpu("gpu-node-2", 2, H100),
  gpu("gpu-node-2", 3, H100),
  gpu("gpu-node-3", 0, H100),
  gpu("gpu-node-3", 1, H100, [slice("3g.40gb", 2), slice("2g.20gb", 3), slice("1g.10gb", 9)]),
];

export function gpusOn(node: NodeName): GpuSpec[] {
  return GPUS.filter((spec) => spec.node === node);
}

export const AGENT_SRE_INSTANCE = "agent-sre-0";
export const LEARNING_API_INSTANCE = "learning-api-0";
export const RQ_EXPORTER_INSTANCE = "rq-exporter";
export const LEARNING_WORKERS = ["worker-1", "worker-2"] as const;
export const COUNTERFACTUAL_INSTANCE = "counterfactual-lab-0";
export const OPENCOST_INSTANCE = "opencost-0";

/** Traffic splits between the two gateway replicas; the leader also reports cluster-wide gauges. */
export const NEURONETES_INSTANCES = [
  { instance: "neuronetes-0", share: 0.55, leader: true },
  { instance: "neuronetes-1", share: 0.45, leader: false },
] as const;

export const INFERNO_PODS = ["inferno-0", "inferno-1", "inferno-2"] as const;
export type InfernoPod = (typeof INFERNO_PODS)[number];

export const VLLM_INSTANCES = [
  { instance: "vllm-0", modelName: "meta-llama/Meta-Llama-3-70B-Instruct", node: "gpu-node-2" },
  { instance: "vllm-1", modelName: "mistralai/Mixtral-8x7B-Instruct-v0.1", node: "gpu-node-3" },
] as const;
