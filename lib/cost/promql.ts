/**
 * The PromQL the cost page runs. Sources, from the seed systems:
 * - NeuroNetes (job "neuronetes"): cost_usd_per_1k_tokens{model,tenant} and the token counters
 *   agent_total_tokens / agent_input_tokens_total / agent_output_tokens_total {model,tenant};
 *   gpu_hours_total{node}, spot_savings_usd_total; turns (agent_ttft_ms_count) and agent_turn_errors_total.
 * - vLLM: vllm:prompt_tokens_total / vllm:generation_tokens_total / vllm:request_success_total {model_name}.
 * - OpenCost: node_gpu_hourly_cost / node_gpu_count / kubecost_node_is_spot {node}.
 */

/** A range selector for the month so far; Prometheus wants whole seconds. */
export function secondsRange(seconds: number): string {
  return `${Math.max(1, Math.floor(seconds))}s`;
}

export function costQueries(monthSeconds: number) {
  const month = secondsRange(monthSeconds);
  return {
    platformPrice: "max by (model, tenant) (cost_usd_per_1k_tokens)",
    platformPriceMonth: `max by (model, tenant) (avg_over_time(cost_usd_per_1k_tokens[${month}]))`,
    tokensRate: "sum by (model, tenant) (rate(agent_total_tokens[5m]))",
    tokensRateHour: "sum by (model, tenant) (rate(agent_total_tokens[1h]))",
    tokensMonth: `sum by (model, tenant) (increase(agent_total_tokens[${month}]))`,
    inputRate: "sum by (model) (rate(agent_input_tokens_total[1h]))",
    outputRate: "sum by (model) (rate(agent_output_tokens_total[1h]))",
    vllmPromptRate: 'label_replace(sum by (model_name) (rate(vllm:prompt_tokens_total[1h])), "model", "$1", "model_name", "(.*)")',
    vllmGenerationRate: 'label_replace(sum by (model_name) (rate(vllm:generation_tokens_total[1h])), "model", "$1", "model_name", "(.*)")',
    vllmPromptMonth: `label_replace(sum by (model_name) (increase(vllm:prompt_tokens_total[${month}])), "model", "$1", "model_name", "(.*)")`,
    vllmGenerationMonth: `label_replace(sum by (model_name) (increase(vllm:generation_tokens_total[${month}])), "model", "$1", "model_name", "(.*)")`,
    gpuHourly: "max by (node) (node_gpu_hourly_cost)",
    gpuCount: "max by (node) (node_gpu_count)",
    spotNodes: "max by (node) (kubecost_node_is_spot)",
    gpuHoursMonth: `sum by (node) (increase(gpu_hours_total[${month}]))`,
    gpusInUse: "sum by (node) (rate(gpu_hours_total[1h])) * 3600",
    spotSavingsMonth: `sum(increase(spot_savings_usd_total[${month}]))`,
    spotSavingsRate: "sum(rate(spot_savings_usd_total[1h])) * 3600",
    turns: "sum by (model) (rate(agent_ttft_ms_count[1h]))",
    turnErrors: "sum by (model) (rate(agent_turn_errors_total[1h]))",
    vllmGood: 'label_replace(sum by (model_name) (rate(vllm:request_success_total{finished_reason!="abort"}[1h])), "model", "$1", "model_name", "(.*)")',
  } as const;
}

export type CostQueryName = keyof ReturnType<typeof costQueries>;

/** What "good" means for each model's success SLI, shown beside "$ per good request". */
export const GOOD_EVENTS = {
  platform: "agent turns (agent_ttft_ms_count) minus agent_turn_errors_total",
  vllm: 'vllm:request_success_total with finished_reason "stop" or "length" (not "abort")',
} as const;
