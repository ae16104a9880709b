import { NODES, OPENCOST_INSTANCE, gpusOn } from "./catalog.ts";
import { Target, type SimSystem } from "./kit.ts";
import { PRICES } from "./prices.ts";
import { round } from "./signal.ts";

/** OpenCost's node price gauges; list prices never move, so everything is set once. */
export function opencostSystem(): SimSystem {
  const target = new Target("opencost", OPENCOST_INSTANCE);
  const labelNames = ["node", "instance_type", "region"] as const;
  const gpuCost = target.gauge("node_gpu_hourly_cost", "node_gpu_hourly_cost hourly cost per GPU on a node", labelNames);
  const cpuCost = target.gauge("node_cpu_hourly_cost", "node_cpu_hourly_cost hourly cost per vCPU on a node", labelNames);
  const ramCost = target.gauge("node_ram_hourly_cost", "node_ram_hourly_cost hourly cost per GiB of RAM on a node", labelNames);
  const totalCost = target.gauge("node_total_hourly_cost", "node_total_hourly_cost total hourly cost of a node", labelNames);
  const gpuCount = target.gauge("node_gpu_count", "node_gpu_count count of GPUs on a node", labelNames);
  const spot = target.gauge("kubecost_node_is_spot", "kubecost_node_is_spot whether a node is a spot instance", labelNames);

  for (const node of NODES) {
    const labels = { node: node.name, instance_type: node.instanceType, region: node.region };
    const price = PRICES.nodes[node.name];
    const gpus = gpusOn(node.name).length;
    gpuCost.set(labels, price.gpuHourly);
    cpuCost.set(labels, price.cpuHourly);
    ramCost.set(labels, price.ramHourly);
    totalCost.set(labels, round(gpus * price.gpuHourly + node.vcpus * price.cpuHourly + node.ramGiB * price.ramHourly, 6));
    gpuCount.set(labels, gpus);
    spot.set(labels, node.spot ? 1 : 0);
  }
  return { targets: [target], advance() {}, sample() {} };
}
