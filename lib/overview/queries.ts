/**
 * The overview's live chart: requests per second of every demo system, one series per job.
 * Each system counts requests in its own metric; `or` joins them into one result.
 */
export const TRAFFIC_QUERY = [
  "sum by (job) (rate(http_requests_total[2m]))",
  "sum by (job) (rate(inferno_http_requests_total[2m]))",
  "sum by (job) (rate(agent_latency_ms_count[2m]))",
  "sum by (job) (rate(trm_inference_total[2m]))",
  "sum by (job) (rate(vllm:e2e_request_latency_seconds_count[2m]))",
].join(" or ");

export const TRAFFIC_LEGEND = "{{job}}";
export const TRAFFIC_RANGE_SECONDS = 3600;
