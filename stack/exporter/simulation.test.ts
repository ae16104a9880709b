import { describe, expect, it } from "vitest";
import { GPUS } from "./catalog.ts";
import { INCIDENTS, type IncidentName } from "./incidents.ts";
import { PRICES } from "./prices.ts";
import { Simulation, type SimulationOptions } from "./simulation.ts";
import { demoTargets } from "./targets.ts";
import { Window, parseExposition, select, total, type Sample } from "./test-support.ts";

const HOUR = 3600;
const MiB = 1024 ** 2;

function world(options: Partial<SimulationOptions> = {}): Simulation {
  return new Simulation({ seed: 42, fast: false, schedule: false, startSecondsOfDay: 16 * HOUR, deterministic: true, ...options });
}

async function scrapeText(simulation: Simulation, t: number): Promise<string> {
  const parts: string[] = [];
  for (const target of demoTargets()) parts.push(`${target.path}\n${(await simulation.exposition(target.job, target.instance, t)) ?? "MISSING"}`);
  return parts.join("\n");
}

/** Every sample of every target, with job and instance labels as Prometheus would attach them. */
async function scrape(simulation: Simulation, t: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const target of demoTargets()) {
    const text = await simulation.exposition(target.job, target.instance, t);
    if (text === undefined) throw new Error(`no exposition for ${target.path}`);
    for (const sample of parseExposition(text)) samples.push({ ...sample, labels: { ...sample.labels, job: target.job, instance: target.instance } });
  }
  return samples;
}

async function window(simulation: Simulation, from: number, seconds = 300): Promise<Window> {
  const before = await scrape(simulation, from);
  return new Window(before, await scrape(simulation, from + seconds), seconds);
}

const max = (values: number[]) => Math.max(...values);
const min = (values: number[]) => Math.min(...values);

interface Check {
  incident: IncidentName;
  what: string;
  value: (w: Window) => number;
  threshold: number;
  /** The side of the threshold on which the seed's alert fires. */
  fires: "above" | "below";
}

/** The seeds' alert conditions, one per incident, evaluated the way their PromQL would be. */
const CHECKS: Check[] = [
  { incident: "trm-fallback-spike", what: "fallback ratio", value: (w) => w.rate("trm_fallback_total") / w.rate("trm_inference_total"), threshold: 0.5, fires: "above" },
  { incident: "trm-fallback-spike", what: "mean confidence", value: (w) => w.mean("trm_confidence_score"), threshold: 0.5, fires: "below" },
  { incident: "trm-model-unloaded", what: "trm_model_loaded", value: (w) => min(w.gauge("trm_model_loaded")), threshold: 0.5, fires: "below" },
  { incident: "inferno-queue-backlog", what: "max pending (critical)", value: (w) => max(w.gauge("inferno_queue_pending_requests")), threshold: 500, fires: "above" },
  { incident: "inferno-latency", what: "HTTP P95 s", value: (w) => w.quantile(0.95, "inferno_http_request_duration_seconds"), threshold: 1, fires: "above" },
  {
    incident: "inferno-latency",
    what: "5xx ratio",
    value: (w) => w.rate("inferno_http_requests_total", { status: /^5..$/ }) / w.rate("inferno_http_requests_total"),
    threshold: 0.05,
    fires: "above",
  },
  { incident: "ttft-breach", what: "TTFT P95 ms", value: (w) => w.quantile(0.95, "agent_ttft_ms"), threshold: 350, fires: "above" },
  { incident: "tool-latency", what: "tool P95 ms", value: (w) => w.quantile(0.95, "agent_tool_latency_ms"), threshold: 800, fires: "above" },
  { incident: "gpu-saturation", what: "max gpu_util_pct", value: (w) => max(w.gauge("gpu_util_pct")), threshold: 95, fires: "above" },
  { incident: "gpu-saturation", what: "max DCGM util", value: (w) => max(w.gauge("DCGM_FI_DEV_GPU_UTIL")), threshold: 95, fires: "above" },
  { incident: "cost-spike", what: "max cost per 1K tokens", value: (w) => max(w.gauge("cost_usd_per_1k_tokens")), threshold: 0.1, fires: "above" },
  {
    incident: "worker-down",
    what: "busy+idle workers",
    value: (w) => total(w.after, "rq_workers_total", { state: /^(busy|idle)$/ }),
    threshold: 0.5,
    fires: "below",
  },
  {
    incident: "cf-errors",
    what: "counterfactual 5xx ratio",
    value: (w) => w.rate("http_requests_total", { job: "counterfactual-lab", status: /^5..$/ }) / w.rate("http_requests_total", { job: "counterfactual-lab" }),
    threshold: 0.1,
    fires: "above",
  },
  {
    incident: "cf-errors",
    what: "generation success ratio",
    value: (w) => w.rate("counterfactual_generation_total", { status: "success" }) / w.rate("counterfactual_generation_total"),
    threshold: 0.95,
    fires: "below",
  },
  { incident: "policy-blocks", what: "policy blocks/s", value: (w) => w.rate("policy_blocks_total"), threshold: 5, fires: "above" },
  { incident: "cold-starts", what: "max cold start rate", value: (w) => max(w.gauge("agent_cold_start_rate")), threshold: 0.02, fires: "above" },
  { incident: "xid-error", what: "max XID code", value: (w) => max(w.gauge("DCGM_FI_DEV_XID_ERRORS")), threshold: 0, fires: "above" },
  {
    incident: "inferno-disk-full",
    what: "min free disk share",
    value: (w) => min(w.gauge("node_filesystem_avail_bytes").map((avail, index) => avail / (w.gauge("node_filesystem_size_bytes")[index] ?? 1))),
    threshold: 0.05,
    fires: "below",
  },
  { incident: "inferno-disk-full", what: "persistence write failures/s", value: (w) => w.rate("inferno_persistence_write_errors_total"), threshold: 0, fires: "above" },
  { incident: "inferno-memory-pressure", what: "max pod memory", value: (w) => max(w.gauge("container_memory_usage_bytes")), threshold: 3900 * MiB, fires: "above" },
  {
    incident: "agent-errors",
    what: "turn error ratio",
    value: (w) => w.rate("agent_turn_errors_total") / w.rate("agent_latency_ms_count"),
    threshold: 0.01,
    fires: "above",
  },
];

/** Seed thresholds that no incident targets on purpose; a quiet world must respect them too. */
const QUIET_ONLY: Array<Omit<Check, "incident">> = [
  { what: "inferno max pending (warning)", value: (w) => max(w.gauge("inferno_queue_pending_requests")), threshold: 100, fires: "above" },
  { what: "inferno pod memory (warning)", value: (w) => max(w.gauge("container_memory_usage_bytes")), threshold: 3500 * MiB, fires: "above" },
  { what: "inferno pod CPU cores", value: (w) => max(["inferno-0", "inferno-1", "inferno-2"].map((pod) => w.rate("container_cpu_usage_seconds_total", { pod }))), threshold: 1.8, fires: "above" },
  {
    what: "inferno free disk share (warning)",
    value: (w) => min(w.gauge("node_filesystem_avail_bytes").map((avail, index) => avail / (w.gauge("node_filesystem_size_bytes")[index] ?? 1))),
    threshold: 0.15,
    fires: "below",
  },
  {
    what: "inferno worst per-endpoint P95 s",
    value: (w) => max(["/v1/chat/completions", "/v1/completions", "/v1/embeddings"].map((endpoint) => w.quantile(0.95, "inferno_http_request_duration_seconds", { endpoint }))),
    threshold: 1,
    fires: "above",
  },
  { what: "agent latency P95 ms", value: (w) => w.quantile(0.95, "agent_latency_ms"), threshold: 2500, fires: "above" },
  { what: "worst per-model TTFT P95 ms", value: (w) => max(["llama-3-70b", "llama-3-8b", "mixtral-8x7b"].map((model) => w.quantile(0.95, "agent_ttft_ms", { model, route: "/chat" }))), threshold: 350, fires: "above" },
  { what: "min gpu_util_pct (LowGPUUtilization)", value: (w) => min(w.gauge("gpu_util_pct")), threshold: 50, fires: "below" },
  { what: "max agent_rtf_ratio", value: (w) => max(w.gauge("agent_rtf_ratio")), threshold: 1.5, fires: "above" },
  { what: "counterfactual HTTP P95 s", value: (w) => w.quantile(0.95, "http_request_duration_seconds"), threshold: 2, fires: "above" },
  { what: "counterfactual mean generation s", value: (w) => w.mean("counterfactual_generation_duration_seconds"), threshold: 30, fires: "above" },
  { what: "counterfactual quality", value: (w) => min(w.gauge("counterfactual_quality_score")), threshold: 0.8, fires: "below" },
  { what: "counterfactual RSS GiB", value: (w) => max(w.gauge("process_resident_memory_bytes", { job: "counterfactual-lab" })) / 1024 ** 3, threshold: 3, fires: "above" },
  { what: "rq job failure ratio", value: (w) => w.rate("rq_jobs_total", { status: "failed" }) / w.rate("rq_jobs_total"), threshold: 0.1, fires: "above" },
  { what: "max rq queue length", value: (w) => max(w.gauge("rq_queue_length")), threshold: 100, fires: "above" },
  { what: "remediation success ratio", value: (w) => w.rate("remediation_success_total") / (w.rate("remediation_success_total") + w.rate("remediation_failure_total")), threshold: 0.8, fires: "below" },
];

function firing(check: Omit<Check, "incident">, value: number): boolean {
  return check.fires === "above" ? value > check.threshold : value < check.threshold;
}

describe("simulation", () => {
  it("is deterministic: the same seed and time give identical exposition text", async () => {
    const first = world({ schedule: true, fast: true });
    const second = world({ schedule: true, fast: true });
    // Different scrape cadences must not matter: only the seed and the elapsed time do.
    await scrapeText(first, 45);
    await scrapeText(first, 300);
    const text = await scrapeText(first, 900);
    expect(await scrapeText(second, 900)).toBe(text);
    expect(text).not.toContain("MISSING");
    expect(await scrapeText(world({ seed: 43, schedule: true, fast: true }), 900)).not.toBe(text);
  });

  it("never lets a counter or histogram series go down, incidents included", async () => {
    const simulation = world({ schedule: true, fast: true });
    const last = new Map<string, number>();
    let checked = 0;
    for (let t = 0; t <= 2 * HOUR; t += 97) {
      const samples = await scrape(simulation, t);
      for (const sample of samples) {
        if (!/(_total|_bucket|_sum|_count|^agent_total_tokens)$/.test(sample.name)) continue;
        const key = `${sample.name}${JSON.stringify(sample.labels)}`;
        const previous = last.get(key);
        if (previous !== undefined) {
          expect(sample.value, key).toBeGreaterThanOrEqual(previous);
          checked += 1;
        }
        last.set(key, sample.value);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    // Traffic really flowed: the counters moved, not just stayed at zero.
    const samples = await scrape(simulation, 2 * HOUR);
    expect(total(samples, "agent_latency_ms_count")).toBeGreaterThan(2 * HOUR * 5);
    expect(total(samples, "inferno_http_requests_total")).toBeGreaterThan(2 * HOUR * 5);
  });

  it("serves every metric family the seeds and the brief name", async () => {
    const names = new Set((await scrape(world(), 60)).map((sample) => sample.name.replace(/_(bucket|sum|count)$/, "")));
    const required = [
      "trm_inference_total", "trm_inference_duration_seconds", "trm_confidence_score", "trm_fallback_total", "trm_model_loaded",
      "remediation_success_total", "remediation_failure_total",
      "agent_feedback_total", "agent_feedback_rating", "learning_examples_pending", "learning_examples_approved", "learning_examples_rejected",
      "rq_queue_length", "rq_jobs_total", "rq_job_duration_seconds", "rq_workers_total",
      "http_requests_total", "http_request_duration_seconds", "counterfactual_generation_total", "counterfactual_generation_duration_seconds",
      "counterfactual_quality_score", "bias_evaluation_score", "process_resident_memory_bytes",
      "agent_ttft_ms", "agent_latency_ms", "agent_rtf_ratio", "agent_tokens_out_per_s", "agent_csat_score", "agent_thumbs_up_rate",
      "agent_turn_errors_total", "agent_quality_winrate", "agent_active_sessions", "agent_queue_depth", "agent_admission_rejects_total",
      "agent_scaling_lag_seconds", "agent_total_tokens", "agent_input_tokens_total", "agent_output_tokens_total", "agent_ctx_len_p95",
      "agent_ctx_truncations_total", "agent_kv_cache_hit_ratio", "agent_batch_merge_efficiency", "agent_tool_latency_ms",
      "agent_tool_success_rate", "rag_retrieval_latency_ms", "rag_retrieval_cache_hit_ratio", "rag_hit_at_k", "rag_mrr",
      "gpu_util_pct", "gpu_vram_used_gb", "gpu_mig_slice_util_pct", "model_load_time_seconds", "model_cache_hit_ratio",
      "agent_cold_start_rate", "gang_schedule_wait_seconds", "topology_penalty_score", "session_affinity_hit_ratio", "data_locality_rate",
      "cost_usd_per_1k_tokens", "cost_usd_per_session", "gpu_hours_total", "spot_savings_usd_total", "energy_kwh_per_1k_tokens",
      "policy_blocks_total", "redaction_events_total", "authz_denials_total",
      "inferno_http_requests_total", "inferno_http_request_duration_seconds", "inferno_http_requests_in_progress",
      "inferno_inference_requests_total", "inferno_inference_duration_seconds", "inferno_inference_errors_total", "inferno_tokens_generated_total",
      "inferno_queue_pending_requests", "inferno_queue_max_capacity", "inferno_queue_processed_total", "inferno_queue_dropped_total",
      "inferno_cache_hits_total", "inferno_cache_misses_total", "inferno_cache_evictions_total", "inferno_cache_size_bytes",
      "inferno_models_loaded", "inferno_model_size_bytes", "inferno_model_load_duration_seconds", "inferno_model_load_errors_total",
      "inferno_persistence_write_errors_total", "container_cpu_usage_seconds_total", "container_memory_usage_bytes",
      "node_filesystem_avail_bytes", "node_filesystem_size_bytes",
      "DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_FREE", "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE",
      "DCGM_FI_DEV_XID_ERRORS", "DCGM_FI_PROF_GR_ENGINE_ACTIVE",
      "vllm:time_to_first_token_seconds", "vllm:e2e_request_latency_seconds", "vllm:inter_token_latency_seconds", "vllm:num_requests_running",
      "vllm:num_requests_waiting", "vllm:kv_cache_usage_perc", "vllm:prompt_tokens_total", "vllm:generation_tokens_total", "vllm:request_success_total",
      "node_gpu_hourly_cost", "node_cpu_hourly_cost", "node_ram_hourly_cost",
    ];
    expect(required.filter((name) => !names.has(name))).toEqual([]);
  });

  it("labels NeuroNetes traffic by several models, tenants and routes, and vLLM by model_name", async () => {
    const samples = await scrape(world(), 120);
    const values = (name: string, label: string) => new Set(select(samples, name).map((sample) => sample.labels[label]));
    expect(values("agent_ttft_ms_count", "model")).toEqual(new Set(["llama-3-70b", "llama-3-8b", "mixtral-8x7b"]));
    expect(values("agent_ttft_ms_count", "route")).toEqual(new Set(["/chat", "/complete", "/embed"]));
    expect(values("cost_usd_per_1k_tokens", "tenant")).toEqual(new Set(["prod", "acme", "globex", "initech"]));
    expect(values("agent_ttft_ms_count", "instance")).toEqual(new Set(["neuronetes-0", "neuronetes-1"]));
    expect(select(samples, "vllm:num_requests_running").every((sample) => (sample.labels.model_name ?? "").includes("/"))).toBe(true);
    expect(values("inferno_inference_requests_total", "model").size).toBeGreaterThanOrEqual(2);
  });

  it("reports MIG slices like dcgm-exporter: GPU_I_PROFILE/GPU_I_ID on slices and no DCGM_FI_DEV_GPU_UTIL for them", async () => {
    const samples = await scrape(world(), 60);
    const migGpus = GPUS.filter((gpu) => gpu.mig.length > 0).map((gpu) => gpu.uuid);
    expect(GPUS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(GPUS.map((gpu) => gpu.node)).size).toBe(3);

    const slices = select(samples, "DCGM_FI_PROF_GR_ENGINE_ACTIVE", { GPU_I_PROFILE: /./ });
    expect(slices.length).toBe(GPUS.reduce((sum, gpu) => sum + gpu.mig.length, 0));
    for (const sample of slices) {
      expect(sample.labels.GPU_I_PROFILE).toMatch(/^\dg\.\d+gb$/);
      expect(sample.labels.GPU_I_ID).toMatch(/^\d+$/);
      expect(migGpus).toContain(sample.labels.UUID);
      expect(sample.value).toBeGreaterThanOrEqual(0);
      expect(sample.value).toBeLessThanOrEqual(1);
    }
    const utilization = select(samples, "DCGM_FI_DEV_GPU_UTIL");
    expect(utilization.length).toBe(GPUS.length - migGpus.length);
    for (const sample of utilization) {
      expect(sample.labels.GPU_I_PROFILE).toBeUndefined();
      expect(migGpus).not.toContain(sample.labels.UUID);
      expect(sample.labels.Hostname).toBe(sample.labels.instance);
      expect(sample.labels.modelName).toMatch(/^NVIDIA (A100-SXM4-80GB|H100 80GB HBM3)$/);
    }
    expect(select(samples, "DCGM_FI_DEV_XID_ERRORS").length).toBe(GPUS.length);
    expect(select(samples, "gpu_mig_slice_util_pct", { slice: "3g.40gb" }).length).toBeGreaterThan(0);
  });

  it("keeps seeded prices at the published list values", async () => {
    const samples = await scrape(world(), 600);
    for (const sample of select(samples, "cost_usd_per_1k_tokens")) {
      const model = sample.labels.model;
      expect(model === "llama-3-70b" || model === "llama-3-8b" || model === "mixtral-8x7b").toBe(true);
      if (model === "llama-3-70b" || model === "llama-3-8b" || model === "mixtral-8x7b") expect(sample.value).toBe(PRICES.costPer1kTokens[model]);
    }
    expect(select(samples, "node_gpu_hourly_cost", { node: "gpu-node-2" })[0]?.value).toBe(PRICES.nodes["gpu-node-2"].gpuHourly);
    expect(select(samples, "node_gpu_hourly_cost", { node: "gpu-node-1", instance_type: "a2-ultragpu-4g" })[0]?.value).toBe(3.93);
    expect(select(samples, "node_cpu_hourly_cost")).toHaveLength(5);

    const spiked = world();
    spiked.startIncident("cost-spike", 0);
    const during = await scrape(spiked, 120);
    expect(select(during, "cost_usd_per_1k_tokens", { model: "llama-3-70b", tenant: "acme" })[0]?.value).toBeCloseTo(0.06 * PRICES.costSpikeFactor, 9);
    expect(select(during, "cost_usd_per_1k_tokens", { model: "llama-3-8b", tenant: "acme" })[0]?.value).toBe(0.008);
  });

  for (const startHour of [4, 16, 22]) {
    it(`stays inside every seed threshold while quiet (start at ${startHour}:00)`, async () => {
      const simulation = world({ startSecondsOfDay: startHour * HOUR, seed: startHour });
      for (const from of [120, 1500, 3600]) {
        const w = await window(simulation, from);
        for (const check of [...CHECKS, ...QUIET_ONLY]) {
          const value = check.value(w);
          expect(Number.isFinite(value), `${check.what} at ${from}s`).toBe(true);
          expect(firing(check, value), `${check.what} = ${value} at ${from}s`).toBe(false);
        }
      }
    });
  }

  for (const incident of INCIDENTS.map((spec) => spec.name)) {
    const checks = CHECKS.filter((check) => check.incident === incident);
    it(`${incident} crosses its alert threshold and quiet returns after it`, async () => {
      expect(checks.length).toBeGreaterThan(0);
      const simulation = world();
      simulation.startIncident(incident, 60);
      const during = await window(simulation, 180);
      for (const check of checks) expect(firing(check, check.value(during)), `${check.what} = ${check.value(during)}`).toBe(true);
      // Once it ends and a rate window has passed, every check is quiet again.
      const end = 60 + (INCIDENTS.find((spec) => spec.name === incident)?.seconds ?? 0);
      const after = await window(simulation, end + 300);
      for (const check of checks) expect(firing(check, check.value(after)), `${check.what} = ${check.value(after)} after`).toBe(false);
    });
  }

  it("takes the learning workers down while worker-down runs, and brings them back", () => {
    const simulation = world();
    simulation.startIncident("worker-down", 10, 120);
    expect(simulation.isDown("learning-worker", "worker-1", 20)).toBe(true);
    expect(simulation.isDown("learning-worker", "worker-2", 20)).toBe(true);
    expect(simulation.isDown("learning-worker", "rq-exporter", 20)).toBe(false);
    expect(simulation.isDown("learning-worker", "worker-1", 131)).toBe(false);
  });

  it("grows the RQ backlog while workers are down and drains it afterwards", async () => {
    const simulation = world();
    simulation.startIncident("worker-down", 0, 600);
    const during = total(await scrape(simulation, 590), "rq_queue_length");
    const after = total(await scrape(simulation, 600 + 600), "rq_queue_length");
    expect(during).toBeGreaterThan(100);
    expect(after).toBeLessThan(30);
  });

  it("runs the first scheduled incident within 30 s in fast mode", () => {
    const simulation = world({ schedule: true, fast: true });
    expect(simulation.state(10).active).toEqual([]);
    expect(simulation.state(30).active.map((incident) => incident.source)).toEqual(["schedule"]);
  });
});
