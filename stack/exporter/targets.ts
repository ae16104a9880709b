import {
  AGENT_SRE_INSTANCE,
  COUNTERFACTUAL_INSTANCE,
  GPU_NODE_NAMES,
  INFERNO_PODS,
  LEARNING_API_INSTANCE,
  LEARNING_WORKERS,
  NEURONETES_INSTANCES,
  OPENCOST_INSTANCE,
  RQ_EXPORTER_INSTANCE,
  VLLM_INSTANCES,
} from "./catalog.ts";

/** One scrape target the demo exporter serves; Prometheus scrapes it at `path` with this job and instance. */
export interface DemoTarget {
  job: string;
  instance: string;
  path: string;
}

export function targetPath(job: string, instance: string): string {
  return `/metrics/${job}/${instance}`;
}

/** Every target the exporter serves, in a stable order. */
export function demoTargets(): DemoTarget[] {
  const pairs: Array<[string, string]> = [
    ["agent-sre", AGENT_SRE_INSTANCE],
    ["learning-api", LEARNING_API_INSTANCE],
    ["learning-worker", RQ_EXPORTER_INSTANCE],
    ...LEARNING_WORKERS.map((instance): [string, string] => ["learning-worker", instance]),
    ["counterfactual-lab", COUNTERFACTUAL_INSTANCE],
    ...NEURONETES_INSTANCES.map(({ instance }): [string, string] => ["neuronetes", instance]),
    ...INFERNO_PODS.map((instance): [string, string] => ["inferno", instance]),
    ...GPU_NODE_NAMES.map((instance): [string, string] => ["dcgm-exporter", instance]),
    ...VLLM_INSTANCES.map(({ instance }): [string, string] => ["vllm", instance]),
    ["opencost", OPENCOST_INSTANCE],
  ];
  return pairs.map(([job, instance]) => ({ job, instance, path: targetPath(job, instance) }));
}
