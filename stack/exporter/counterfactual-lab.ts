import { COUNTERFACTUAL_INSTANCE } from "./catalog.ts";
import { HistogramSeries, SECONDS_BUCKETS, SLOW_SECONDS_BUCKETS, Tally, Target, type SimSystem, type SystemContext } from "./kit.ts";
import { logNormal } from "./random.ts";
import { lerp, round } from "./signal.ts";

/**
 * Generation is asynchronous: POST /generate answers 202 at once and the job runs in the
 * background, so HTTP latency stays far from the 2 s SLO while generations take seconds.
 */
const ENDPOINTS = [
  { method: "POST", endpoint: "/api/v1/generate", rate: 0.8, median: 0.12, p95: 0.35, statuses: [["202", 0.975], ["400", 0.015], ["422", 0.008]] },
  { method: "POST", endpoint: "/api/v1/evaluate", rate: 0.5, median: 0.6, p95: 1.4, statuses: [["200", 0.985], ["400", 0.013]] },
  { method: "GET", endpoint: "/api/v1/jobs/{job_id}", rate: 2.5, median: 0.02, p95: 0.06, statuses: [["200", 0.988], ["404", 0.01]] },
  { method: "GET", endpoint: "/health", rate: 0.2, median: 0.003, p95: 0.008, statuses: [["200", 1]] },
] as const;
/** Normal 5xx share is 0.2%; cf-errors pushes it to 20% (the alert fires above 10%). */
const SERVER_ERRORS = [
  ["500", 0.6],
  ["503", 0.4],
] as const;
const GENERATORS = [
  { method: "modicf", share: 0.6, median: 6, p95: 14 },
  { method: "icg", share: 0.4, median: 9, p95: 22 },
] as const;
const GiB = 1024 ** 3;

/** The multimodal counterfactual generation service (seed 002): job "counterfactual-lab". */
export function counterfactualSystem({ noise }: SystemContext): SimSystem {
  const target = new Target("counterfactual-lab", COUNTERFACTUAL_INSTANCE);
  const requests = target.counter("http_requests_total", "HTTP requests by method, status and endpoint", ["method", "status", "endpoint"]);
  const durations = target.histogram("http_request_duration_seconds", "HTTP request latency", SECONDS_BUCKETS, ["method", "endpoint"]);
  const generations = target.counter("counterfactual_generation_total", "Counterfactual generations by method and outcome", ["method", "status"]);
  const generationDurations = target.histogram("counterfactual_generation_duration_seconds", "Time to generate one counterfactual", SLOW_SECONDS_BUCKETS, ["method"]);
  const quality = target.gauge("counterfactual_quality_score", "Mean quality score of recent counterfactuals (0-1)");
  const bias = target.gauge("bias_evaluation_score", "Measured bias of recent generations (0-1, lower is fairer)");
  const memory = target.gauge("process_resident_memory_bytes", "Resident memory size in bytes.");

  const endpoints = ENDPOINTS.map((spec) => ({
    spec,
    ok: spec.statuses.map(([status, share]) => ({ share, tally: new Tally(requests, { method: spec.method, status, endpoint: spec.endpoint }) })),
    errors: SERVER_ERRORS.map(([status, share]) => ({ share, tally: new Tally(requests, { method: spec.method, status, endpoint: spec.endpoint }) })),
    latency: new HistogramSeries(durations, "http_request_duration_seconds", { method: spec.method, endpoint: spec.endpoint }, noise),
  }));
  const generators = GENERATORS.map((spec) => ({
    spec,
    success: new Tally(generations, { method: spec.method, status: "success" }),
    error: new Tally(generations, { method: spec.method, status: "error" }),
    latency: new HistogramSeries(generationDurations, "counterfactual_generation_duration_seconds", { method: spec.method }, noise),
  }));

  return {
    targets: [target],
    advance(m) {
      const failing = m.level("cf-errors");
      const serverErrorShare = lerp(0.002, 0.2, failing);
      let accepted = 0;
      for (const { spec, ok, errors, latency } of endpoints) {
        const probe = spec.endpoint === "/health";
        const rate = probe ? spec.rate : spec.rate * m.load * (1 + 0.15 * noise.wobble(`cf.${spec.endpoint}`, m.t, 90));
        const errorShare = probe ? 0 : serverErrorShare;
        // Client statuses split whatever the 5xx leave over.
        const okTotal = ok.reduce((sum, entry) => sum + entry.share, 0);
        let events = 0;
        for (const entry of ok) events += entry.tally.count((rate * (1 - errorShare) * entry.share) / okTotal);
        for (const entry of errors) events += entry.tally.count(rate * errorShare * entry.share);
        latency.observeEvents(m.t, events, (random) => logNormal(random, spec.median, spec.p95));
        if (spec.endpoint === "/api/v1/generate") accepted = (rate * (1 - errorShare) * (ok[0]?.share ?? 0)) / okTotal;
      }
      const generationErrors = lerp(0.015, 0.25, failing);
      for (const { spec, success, error, latency } of generators) {
        const started = accepted * spec.share;
        success.count(started * (1 - generationErrors));
        error.count(started * generationErrors);
        latency.observe(m.t, started, spec.median * (0.9 + 0.2 * m.load), spec.p95 * (0.9 + 0.2 * m.load));
      }
    },
    sample(m) {
      quality.set(round(0.86 + 0.02 * noise.wobble("cf.quality", m.t, 600) - 0.04 * m.level("cf-errors"), 4));
      bias.set(round(0.12 + 0.02 * noise.wobble("cf.bias", m.t, 900), 4));
      memory.set(Math.round((2.15 + 0.3 * m.load + 0.08 * noise.wobble("cf.rss", m.t, 300)) * GiB));
    },
  };
}
