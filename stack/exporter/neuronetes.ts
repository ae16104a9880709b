import { GPUS, MODELS, NEURONETES_INSTANCES, NODES, ROUTES, TENANTS, TOOLS, gpusOn, type Model, type Route, type Tenant, type Tool } from "./catalog.ts";
import { gpuMemoryUsedGiB, gpuUtilPct, sliceUtilPct } from "./gpu-activity.ts";
import { HistogramSeries, MS_BUCKETS, SLOW_SECONDS_BUCKETS, Tally, Target, type Moment, type SimSystem, type SystemContext } from "./kit.ts";
import { PRICES } from "./prices.ts";
import { logNormal } from "./random.ts";
import { lerp, round } from "./signal.ts";

/** Agent turns per second across both gateway replicas at peak load. */
const REQUESTS_PER_SECOND = 14;

interface Spread {
  median: number;
  p95: number;
}

const MODEL_SPECS: Record<Model, { share: number; ttft: Spread; latency: Spread; load: Spread; input: number; output: number; rtf: number; tokensPerSecond: number; ctxP95: number; kwhPer1k: number }> = {
  "llama-3-70b": { share: 0.45, ttft: { median: 150, p95: 250 }, latency: { median: 950, p95: 1700 }, load: { median: 35, p95: 80 }, input: 1400, output: 320, rtf: 0.95, tokensPerSecond: 38, ctxP95: 7800, kwhPer1k: 0.0062 },
  "llama-3-8b": { share: 0.35, ttft: { median: 70, p95: 130 }, latency: { median: 450, p95: 900 }, load: { median: 9, p95: 20 }, input: 900, output: 180, rtf: 0.45, tokensPerSecond: 110, ctxP95: 3900, kwhPer1k: 0.0011 },
  "mixtral-8x7b": { share: 0.2, ttft: { median: 120, p95: 220 }, latency: { median: 800, p95: 1500 }, load: { median: 25, p95: 60 }, input: 1100, output: 260, rtf: 0.75, tokensPerSecond: 62, ctxP95: 6200, kwhPer1k: 0.0034 },
};
const ROUTE_SPECS: Record<Route, { share: number; ttft: number; latency: number; input: number; output: number; queue: number }> = {
  "/chat": { share: 0.6, ttft: 1, latency: 1, input: 1, output: 1, queue: 4 },
  "/complete": { share: 0.25, ttft: 0.9, latency: 0.8, input: 0.9, output: 0.8, queue: 2 },
  "/embed": { share: 0.15, ttft: 0.35, latency: 0.08, input: 0.3, output: 0, queue: 1 },
};
const TENANT_SHARES: Record<Tenant, number> = { prod: 0.5, acme: 0.2, globex: 0.18, initech: 0.12 };
/** Calls per agent turn, latency and success when healthy. */
const TOOL_SPECS: Record<Tool, { calls: number; median: number; p95: number; success: number }> = {
  web_search: { calls: 0.18, median: 320, p95: 620, success: 0.96 },
  code_search: { calls: 0.12, median: 180, p95: 420, success: 0.985 },
  sql_query: { calls: 0.08, median: 95, p95: 260, success: 0.99 },
  calculator: { calls: 0.05, median: 8, p95: 20, success: 0.999 },
};
/** Events per second across the platform at peak load. */
const POLICY_BLOCKS = [["pii-detection", 0.25], ["prompt-injection", 0.1], ["toxicity", 0.12], ["jailbreak", 0.03]] as const;
const POLICY_BLOCK_WAVE = { type: "prompt-injection", perSecond: 12 } as const;
const REDACTIONS = [["email", 0.3], ["phone", 0.12], ["credit_card", 0.02], ["ssn", 0.01]] as const;
const REJECT_REASONS = ["capacity", "slo"] as const;
const routeInputShare = ROUTES.reduce((sum, route) => sum + ROUTE_SPECS[route].share * ROUTE_SPECS[route].input, 0);
const routeOutputShare = ROUTES.reduce((sum, route) => sum + ROUTE_SPECS[route].share * ROUTE_SPECS[route].output, 0);

/** The NeuroNetes LLM agent platform (seed 003): job "neuronetes", two gateway replicas. */
export function neuronetesSystem(context: SystemContext): SimSystem {
  const replicas = NEURONETES_INSTANCES.map((spec) => replica(context, spec.instance, spec.share, spec.leader));
  return {
    targets: replicas.map((entry) => entry.target),
    advance(m) {
      for (const entry of replicas) entry.advance(m);
    },
    sample(m) {
      for (const entry of replicas) entry.sample(m);
    },
  };
}

function replica(context: SystemContext, instance: string, share: number, leader: boolean): SimSystem & { target: Target } {
  const { noise } = context;
  const target = new Target("neuronetes", instance);
  const wobble = (name: string, t: number, period?: number) => noise.wobble(`${instance}.${name}`, t, period);

  const ttft = target.histogram("agent_ttft_ms", "Time to first token in milliseconds", MS_BUCKETS, ["model", "route"]);
  const latency = target.histogram("agent_latency_ms", "End-to-end agent turn latency in milliseconds", MS_BUCKETS, ["model", "route"]);
  const rtf = target.gauge("agent_rtf_ratio", "Real-time factor: generation time over output duration", ["model"]);
  const tokensOut = target.gauge("agent_tokens_out_per_s", "Output tokens per second per stream", ["model"]);
  const turnErrors = target.counter("agent_turn_errors_total", "Agent turns that ended in an error", ["model", "route"]);
  const sessions = target.gauge("agent_active_sessions", "Sessions active now", ["tenant"]);
  const queueDepth = target.gauge("agent_queue_depth", "Turns waiting for a replica", ["route"]);
  const rejects = target.counter("agent_admission_rejects_total", "Turns rejected by admission control", ["route", "reason"]);
  const totalTokens = target.counter("agent_total_tokens", "Tokens processed (input plus output)", ["model", "tenant"]);
  const inputTokens = target.counter("agent_input_tokens_total", "Input tokens processed", ["model", "tenant"]);
  const outputTokens = target.counter("agent_output_tokens_total", "Output tokens generated", ["model", "tenant"]);
  const ctxP95 = target.gauge("agent_ctx_len_p95", "95th percentile context length in tokens", ["model"]);
  const truncations = target.counter("agent_ctx_truncations_total", "Contexts truncated to fit the window", ["model"]);
  const kvHit = target.gauge("agent_kv_cache_hit_ratio", "KV cache hit ratio (0-1)", ["model"]);
  const batchMerge = target.gauge("agent_batch_merge_efficiency", "Share of turns merged into shared batches (0-1)", ["model"]);
  const toolLatency = target.histogram("agent_tool_latency_ms", "Tool call latency in milliseconds", MS_BUCKETS, ["tool"]);
  const toolSuccess = target.gauge("agent_tool_success_rate", "Tool call success rate (0-1)", ["tool"]);
  const ragLatency = target.histogram("rag_retrieval_latency_ms", "RAG retrieval latency in milliseconds", MS_BUCKETS);
  const ragCache = target.gauge("rag_retrieval_cache_hit_ratio", "RAG retrieval cache hit ratio (0-1)");
  const ragHit = target.gauge("rag_hit_at_k", "Share of retrievals with a relevant document in the top k (0-1)");
  const ragMrr = target.gauge("rag_mrr", "Mean reciprocal rank of the first relevant document (0-1)");
  const policyBlocks = target.counter("policy_blocks_total", "Turns blocked by a guardrail policy", ["type"]);
  const redactions = target.counter("redaction_events_total", "Fields redacted from prompts and outputs", ["field"]);
  const authz = target.counter("authz_denials_total", "Requests denied by authorization", ["tenant"]);

  const turns = MODELS.flatMap((model) =>
    ROUTES.map((route) => ({
      model,
      route,
      rate: share * MODEL_SPECS[model].share * ROUTE_SPECS[route].share,
      ttft: new HistogramSeries(ttft, `${instance}.agent_ttft_ms`, { model, route }, noise),
      latency: new HistogramSeries(latency, `${instance}.agent_latency_ms`, { model, route }, noise),
      errors: new Tally(turnErrors, { model, route }),
    })),
  );
  const tokens = MODELS.flatMap((model) =>
    TENANTS.map((tenant) => ({
      model,
      rate: share * MODEL_SPECS[model].share * TENANT_SHARES[tenant],
      input: new Tally(inputTokens, { model, tenant }),
      output: new Tally(outputTokens, { model, tenant }),
      total: new Tally(totalTokens, { model, tenant }),
    })),
  );
  const truncationTallies = MODELS.map((model) => ({ model, tally: new Tally(truncations, { model }) }));
  const rejectTallies = ROUTES.flatMap((route) => REJECT_REASONS.map((reason) => ({ route, reason, tally: new Tally(rejects, { route, reason }) })));
  const tools = TOOLS.map((tool) => ({ tool, latency: new HistogramSeries(toolLatency, `${instance}.agent_tool_latency_ms`, { tool }, noise) }));
  const rag = new HistogramSeries(ragLatency, `${instance}.rag_retrieval_latency_ms`, {}, noise);
  const policies = POLICY_BLOCKS.map(([type, rate]) => ({ type, rate, tally: new Tally(policyBlocks, { type }) }));
  const redacted = REDACTIONS.map(([field, rate]) => ({ rate, tally: new Tally(redactions, { field }) }));
  const denials = TENANTS.map((tenant) => ({ tenant, tally: new Tally(authz, { tenant }) }));
  const cluster = leader ? clusterMetrics(context, target) : undefined;

  return {
    target,
    targets: [target],
    advance(m) {
      const requests = REQUESTS_PER_SECOND * m.load * (1 + 0.12 * wobble("turns", m.t, 90));
      const slowStart = m.level("ttft-breach");
      const errorShare = lerp(0.003, 0.04, m.level("agent-errors"));
      const warm = 1 + 0.1 * m.load;
      for (const turn of turns) {
        const model = MODEL_SPECS[turn.model];
        const route = ROUTE_SPECS[turn.route];
        const rate = requests * turn.rate;
        const events = turn.ttft.observe(m.t, rate, model.ttft.median * route.ttft * warm + 380 * slowStart, model.ttft.p95 * route.ttft * warm + 520 * slowStart);
        turn.latency.observeEvents(m.t, events, (random) =>
          logNormal(random, model.latency.median * route.latency * warm + 380 * slowStart, model.latency.p95 * route.latency * warm + 380 * slowStart),
        );
        turn.errors.count(rate * errorShare);
      }
      for (const entry of tokens) {
        const model = MODEL_SPECS[entry.model];
        const rate = requests * entry.rate;
        const input = entry.input.count(rate * model.input * routeInputShare);
        const output = entry.output.count(rate * model.output * routeOutputShare);
        entry.total.count(input + output);
      }
      for (const { model, tally } of truncationTallies) tally.count(requests * share * MODEL_SPECS[model].share * 0.004);
      for (const { route, reason, tally } of rejectTallies) {
        const routeRate = requests * share * ROUTE_SPECS[route].share;
        tally.count(reason === "capacity" ? routeRate * 0.001 : routeRate * 0.03 * slowStart);
      }
      const toolsSlow = m.level("tool-latency");
      for (const { tool, latency: series } of tools) {
        const spec = TOOL_SPECS[tool];
        series.observe(m.t, requests * share * spec.calls, spec.median + 750 * toolsSlow, spec.p95 + 1100 * toolsSlow);
      }
      rag.observe(m.t, requests * share * ROUTE_SPECS["/chat"].share * 0.8, 45 * warm, 120 * warm);
      const wave = m.level("policy-blocks");
      for (const { type, rate, tally } of policies) {
        tally.count(share * (rate * m.load + (type === POLICY_BLOCK_WAVE.type ? POLICY_BLOCK_WAVE.perSecond * wave : 0)));
      }
      for (const { rate, tally } of redacted) tally.count(share * rate * m.load);
      for (const { tenant, tally } of denials) tally.count(share * 0.01 * TENANT_SHARES[tenant]);
      cluster?.advance(m);
    },
    sample(m) {
      const slowStart = m.level("ttft-breach");
      for (const model of MODELS) {
        const spec = MODEL_SPECS[model];
        rtf.set({ model }, round(spec.rtf + 0.1 * m.load + 0.05 * wobble(`rtf.${model}`, m.t) + 0.4 * slowStart, 3));
        tokensOut.set({ model }, round(spec.tokensPerSecond * (1 - 0.12 * m.load) * (1 - 0.35 * slowStart) * (1 + 0.04 * wobble(`tps.${model}`, m.t)), 1));
        ctxP95.set({ model }, Math.round(spec.ctxP95 + 400 * wobble(`ctx.${model}`, m.t, 600)));
        kvHit.set({ model }, round(0.72 + 0.04 * wobble(`kv.${model}`, m.t) - 0.1 * m.level("cold-starts"), 4));
        batchMerge.set({ model }, round(0.81 + 0.03 * wobble(`batch.${model}`, m.t), 4));
      }
      for (const tenant of TENANTS) {
        sessions.set({ tenant }, Math.round(420 * share * TENANT_SHARES[tenant] * m.load * (1 + 0.08 * wobble(`sessions.${tenant}`, m.t))));
      }
      for (const route of ROUTES) {
        const waiting = ROUTE_SPECS[route].queue * m.load * (1 + 0.4 * wobble(`queue.${route}`, m.t, 45)) + 30 * ROUTE_SPECS[route].share * slowStart;
        queueDepth.set({ route }, Math.max(0, Math.round(waiting * share * 2)));
      }
      for (const tool of TOOLS) {
        toolSuccess.set({ tool }, round(TOOL_SPECS[tool].success + 0.005 * wobble(`tool.${tool}`, m.t) - 0.12 * m.level("tool-latency"), 4));
      }
      ragCache.set(round(0.38 + 0.04 * wobble("rag.cache", m.t), 4));
      ragHit.set(round(0.86 + 0.02 * wobble("rag.hit", m.t, 600), 4));
      ragMrr.set(round(0.71 + 0.02 * wobble("rag.mrr", m.t, 600), 4));
      cluster?.sample(m);
    },
  };
}

/** Cluster-wide figures only the leader replica reports, so sums across replicas stay right. */
function clusterMetrics({ noise, deterministic }: SystemContext, target: Target): Pick<SimSystem, "advance" | "sample"> {
  const csat = target.gauge("agent_csat_score", "Customer satisfaction (0-5)");
  const thumbs = target.gauge("agent_thumbs_up_rate", "Share of rated turns with a thumbs up (0-1)");
  const winrate = target.gauge("agent_quality_winrate", "Canary win rate against the baseline (0-1)", ["model"]);
  const scalingLag = target.histogram("agent_scaling_lag_seconds", "Time from a load spike to a ready replica", SLOW_SECONDS_BUCKETS);
  const gpuUtil = target.gauge("gpu_util_pct", "GPU utilization in percent", ["node", "gpu"]);
  const vram = target.gauge("gpu_vram_used_gb", "GPU memory in use, GB", ["node", "gpu"]);
  const migUtil = target.gauge("gpu_mig_slice_util_pct", "MIG slice utilization in percent", ["node", "gpu", "slice"]);
  const loadTime = target.histogram("model_load_time_seconds", "Time to load a model onto a GPU", SLOW_SECONDS_BUCKETS, ["model"]);
  const modelCache = target.gauge("model_cache_hit_ratio", "Share of model loads served from the node cache (0-1)");
  const coldStarts = target.gauge("agent_cold_start_rate", "Share of turns that waited for a cold replica (0-1)", ["model"]);
  const gangWait = target.histogram("gang_schedule_wait_seconds", "Time a gang of pods waited to be scheduled together", SLOW_SECONDS_BUCKETS);
  const topology = target.gauge("topology_penalty_score", "Penalty for placements that ignore GPU topology (0-1, lower is better)");
  const affinity = target.gauge("session_affinity_hit_ratio", "Turns routed to the replica holding their session (0-1)");
  const locality = target.gauge("data_locality_rate", "Share of reads served from node-local data (0-1)");
  const costPerTokens = target.gauge("cost_usd_per_1k_tokens", "Cost in USD per 1K tokens", ["model", "tenant"]);
  const costPerSession = target.gauge("cost_usd_per_session", "Average cost in USD of one session", ["tenant"]);
  const gpuHours = target.counter("gpu_hours_total", "GPU-hours allocated to agent workloads", ["node"]);
  const spotSavings = target.counter("spot_savings_usd_total", "USD saved by running on spot capacity");
  const energy = target.gauge("energy_kwh_per_1k_tokens", "Energy in kWh per 1K tokens", ["model"]);

  const loads = MODELS.map((model) => ({ model, latency: new HistogramSeries(loadTime, "model_load_time_seconds", { model }, noise) }));
  const lag = new HistogramSeries(scalingLag, "agent_scaling_lag_seconds", {}, noise);
  const gang = new HistogramSeries(gangWait, "gang_schedule_wait_seconds", {}, noise);
  const hours = NODES.filter((node) => gpusOn(node.name).length > 0).map((node) => ({
    gpus: gpusOn(node.name).length,
    price: PRICES.nodes[node.name],
    spot: node.spot,
    tally: new Tally(gpuHours, { node: node.name }),
  }));
  const savings = new Tally(spotSavings, {});
  // Unseeded runs let list prices drift with load; seeded runs keep them exact for tests.
  const drift = (name: string, t: number) => (deterministic ? 1 : 1 + 0.04 * noise.wobble(name, t, 600));

  return {
    advance(m: Moment) {
      const cold = m.level("cold-starts");
      for (const { model, latency } of loads) {
        const spec = MODEL_SPECS[model].load;
        latency.observe(m.t, lerp(0.01, 0.15, cold) * MODEL_SPECS[model].share, spec.median, spec.p95);
      }
      lag.observe(m.t, 1 / 180, 22, 45);
      gang.observe(m.t, 1 / 60, 3, 12);
      for (const node of hours) {
        node.tally.add((node.gpus * 0.92) / 3600);
        if (node.spot) savings.add(((node.price.onDemandGpuHourly - node.price.gpuHourly) * node.gpus * 0.92) / 3600);
      }
    },
    sample(m: Moment) {
      csat.set(round(4.3 + 0.1 * noise.wobble("csat", m.t, 900), 3));
      thumbs.set(round(0.84 + 0.02 * noise.wobble("thumbs", m.t, 900), 4));
      for (const gpu of GPUS) {
        const labels = { node: gpu.node, gpu: String(gpu.index) };
        gpuUtil.set(labels, round(gpuUtilPct(noise, m, gpu), 2));
        vram.set(labels, round(gpuMemoryUsedGiB(noise, m, gpu), 2));
        for (const slice of gpu.mig) migUtil.set({ ...labels, slice: slice.profile }, round(sliceUtilPct(noise, m, gpu, slice), 2));
      }
      const cold = m.level("cold-starts");
      modelCache.set(round(lerp(0.93, 0.55, cold) + 0.01 * noise.wobble("modelcache", m.t), 4));
      topology.set(round(0.12 + 0.03 * noise.wobble("topology", m.t, 600), 4));
      affinity.set(round(0.91 + 0.02 * noise.wobble("affinity", m.t), 4));
      locality.set(round(0.86 + 0.03 * noise.wobble("locality", m.t, 600), 4));
      const spike = m.level("cost-spike");
      for (const model of MODELS) {
        winrate.set({ model }, round(0.53 + 0.03 * noise.wobble(`winrate.${model}`, m.t, 900), 4));
        coldStarts.set({ model }, round(lerp(0.006 + 0.002 * noise.wobble(`cold.${model}`, m.t), 0.08, cold), 4));
        energy.set({ model }, round(MODEL_SPECS[model].kwhPer1k * (1 + 0.05 * noise.wobble(`energy.${model}`, m.t, 600)), 6));
        const factor = model === PRICES.costSpikeModel ? lerp(1, PRICES.costSpikeFactor, spike) : 1;
        for (const tenant of TENANTS) {
          costPerTokens.set({ model, tenant }, round(PRICES.costPer1kTokens[model] * factor * drift(`cost.${model}.${tenant}`, m.t), 6));
        }
      }
      for (const tenant of TENANTS) {
        const factor = lerp(1, 1 + (PRICES.costSpikeFactor - 1) / 2, spike);
        costPerSession.set({ tenant }, round(PRICES.costPerSession[tenant] * factor * drift(`session.${tenant}`, m.t), 6));
      }
    },
  };
}
