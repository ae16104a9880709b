import { VLLM_INSTANCES } from "./catalog.ts";
import { HistogramSeries, Tally, Target, type SimSystem, type SystemContext } from "./kit.ts";
import { logNormal } from "./random.ts";
import { clamp, round } from "./signal.ts";

/** vLLM's own bucket edges, so dashboards written for real vLLM read these unchanged. */
const TTFT_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
const E2E_BUCKETS = [0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60];
const ITL_BUCKETS = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5];

type VllmInstance = (typeof VLLM_INSTANCES)[number]["instance"];
const SPECS: Record<VllmInstance, { rate: number; ttft: [number, number]; e2e: [number, number]; itl: [number, number]; prompt: number; output: number }> = {
  "vllm-0": { rate: 3, ttft: [0.15, 0.32], e2e: [4.2, 9], itl: [0.032, 0.055], prompt: 1200, output: 280 },
  "vllm-1": { rate: 3, ttft: [0.09, 0.2], e2e: [3, 7], itl: [0.024, 0.04], prompt: 1000, output: 240 },
};
/** Real vLLM observes inter-token latency once per token; a few samples per request keep the same shape cheaply. */
const ITL_SAMPLES_PER_REQUEST = 4;
const FINISH_REASONS = [["stop", 0.9], ["length", 0.09], ["abort", 0.01]] as const;

/** vLLM OpenAI-compatible servers: job "vllm", one model per instance. */
export function vllmSystem({ noise }: SystemContext): SimSystem {
  const servers = VLLM_INSTANCES.map(({ instance, modelName }) => {
    const spec = SPECS[instance];
    const target = new Target("vllm", instance);
    const labels = { model_name: modelName };
    const ttft = target.histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", TTFT_BUCKETS, ["model_name"]);
    const e2e = target.histogram("vllm:e2e_request_latency_seconds", "Histogram of end to end request latency in seconds.", E2E_BUCKETS, ["model_name"]);
    const itl = target.histogram("vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.", ITL_BUCKETS, ["model_name"]);
    const running = target.gauge("vllm:num_requests_running", "Number of requests in model execution batches.", ["model_name"]);
    const waiting = target.gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", ["model_name"]);
    const kvCache = target.gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", ["model_name"]);
    const prompt = target.counter("vllm:prompt_tokens_total", "Number of prefill tokens processed.", ["model_name"]);
    const generation = target.counter("vllm:generation_tokens_total", "Number of generation tokens processed.", ["model_name"]);
    const success = target.counter("vllm:request_success_total", "Count of successfully processed requests.", ["model_name", "finished_reason"]);
    return {
      instance,
      spec,
      target,
      labels,
      ttft: new HistogramSeries(ttft, `${instance}.ttft`, labels, noise),
      e2e: new HistogramSeries(e2e, `${instance}.e2e`, labels, noise),
      itl: new HistogramSeries(itl, `${instance}.itl`, labels, noise),
      running,
      waiting,
      kvCache,
      prompt: new Tally(prompt, labels),
      generation: new Tally(generation, labels),
      finished: FINISH_REASONS.map(([finished_reason, share]) => ({ share, tally: new Tally(success, { ...labels, finished_reason }) })),
    };
  });

  return {
    targets: servers.map((server) => server.target),
    advance(m) {
      for (const server of servers) {
        const { spec } = server;
        const rate = spec.rate * m.load * (1 + 0.15 * noise.wobble(`${server.instance}.rate`, m.t, 90));
        const warm = 0.9 + 0.2 * m.load;
        const events = server.ttft.observe(m.t, rate, spec.ttft[0] * warm, spec.ttft[1] * warm);
        server.e2e.observeEvents(m.t, events, (random) => logNormal(random, spec.e2e[0] * warm, spec.e2e[1] * warm));
        server.itl.observeEvents(m.t, events * ITL_SAMPLES_PER_REQUEST, (random) => logNormal(random, spec.itl[0] * warm, spec.itl[1] * warm));
        server.prompt.count(events * spec.prompt);
        server.generation.count(events * spec.output);
        for (const reason of server.finished) reason.tally.count(rate * reason.share);
      }
    },
    sample(m) {
      for (const server of servers) {
        const inFlight = server.spec.rate * m.load * server.spec.e2e[0];
        server.running.set(server.labels, Math.max(0, Math.round(inFlight * (1 + 0.2 * noise.wobble(`${server.instance}.running`, m.t, 30)))));
        server.waiting.set(server.labels, Math.max(0, Math.round(2 * m.load * (1 + noise.wobble(`${server.instance}.waiting`, m.t, 20)))));
        server.kvCache.set(server.labels, round(clamp(0.35 + 0.4 * m.load + 0.05 * noise.wobble(`${server.instance}.kv`, m.t, 60), 0, 1), 4));
      }
    },
  };
}
