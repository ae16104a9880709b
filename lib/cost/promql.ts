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

/**
 * The per-second rate over the last hour as the mean of 5-minute rates, so a series younger
 * than an hour (a new deployment, a restarted demo) is not diluted the way rate(x[1h]) dilutes it.
 */
export function hourRate(selector: string): string {
  return `avg_over_time(rate(${selector}[5m])[1h:1m])`;
}

export function costQueries(monthSeconds: number) {
  const month = secondsRange(monthSeconds);
  return {
    platformPrice: "max by (model, tenant) (cost_usd_per_1k_tokens)",
    platformPriceMonth: `max by (model, tenant) (avg_over_time(cost_usd_per_1k_tokens[${month}]))`,
    tokensRate: "sum by (model, tenant) (rate(agent_total_tokens[5m]))",
    tokensRateHour: `sum by (model, tenant) (${hourRate("agent_total_tokens")})`,
    tokensMonth: `sum by (model, tenant) (increase(agent_total_tokens[${month}]))`,
    inputRate: `sum by (model) (${hourRate("agent_input_tokens_total")})`,
    outputRate: `sum by (model) (${hourRate("agent_output_tokens_total")})`,
    vllmPromptRate: `label_replace(sum by (model_name) (${hourRate("vllm:prompt_tokens_total")}), "model", "$1", "model_name", "(.*)")`,
    vllmGenerationRate: `label_replace(sum by (model_name) (${hourRate("vllm:generation_tokens_total")}), "model", "$1", "model_name", "(.*)")`,
    vllmPromptMonth: `label_replace(sum by (model_name) (increase(vllm:prompt_tokens_total[${month}])), "model", "$1", "model_name", "(.*)")`,
    vllmGenerationMonth: `label_replace(sum by (model_name) (increase(vllm:generation_tokens_total[${month}])), "model", "$1", "model_name", "(.*)")`,
    gpuHourly: "max by (node) (node_gpu_hourly_cost)",
    gpuCount: "max by (node) (node_gpu_count)",
    spotNodes: "max by (node) (kubecost_node_is_spot)",
    gpuHoursMonth: `sum by (node) (increase(gpu_hours_total[${month}]))`,
    gpusInUse: `sum by (node) (${hourRate("gpu_hours_total")}) * 3600`,
    spotSavingsMonth: `sum(increase(spot_savings_usd_total[${month}]))`,
    spotSavingsRate: `sum(${hourRate("spot_savings_usd_total")}) * 3600`,
    turns: `sum by (model) (${hourRate("agent_ttft_ms_count")})`,
    turnErrors: `sum by (model) (${hourRate("agent_turn_errors_total")})`,
    vllmGood: `label_replace(sum by (model_name) (${hourRate('vllm:request_success_total{finished_reason!="abort"}')}), "model", "$1", "model_name", "(.*)")`,
  } as const;
}

export type CostQueryName = keyof ReturnType<typeof costQueries>;

/** What "good" means for each model's success SLI, shown beside "$ per good request". */
export const GOOD_EVENTS = {
  platform: "agent turns (agent_ttft_ms_count) minus agent_turn_errors_total",
  vllm: 'vllm:request_success_total with finished_reason "stop" or "length" (not "abort")',
} as const;
