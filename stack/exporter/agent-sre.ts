import { AGENT_SRE_INSTANCE } from "./catalog.ts";
import { HistogramSeries, Tally, Target, type Moment, type Shares, type SimSystem, type SystemContext } from "./kit.ts";
import { gaussian, logNormal } from "./random.ts";
import { clamp, lerp } from "./signal.ts";

const ALERTS: Shares<string> = [
  ["FluxReconciliationFailure", 0.3],
  ["PodCrashLooping", 0.25],
  ["HighMemoryUsage", 0.2],
  ["KubeJobFailed", 0.15],
  ["NodeDiskPressure", 0.1],
];
const LAMBDAS: Shares<string> = [
  ["restart_pod", 0.35],
  ["flux_reconcile", 0.25],
  ["scale_deployment", 0.2],
  ["rollback_deployment", 0.12],
  ["clear_disk_cache", 0.08],
];
const ERROR_TYPES: Shares<string> = [
  ["timeout", 0.5],
  ["validation_error", 0.3],
  ["permission_denied", 0.2],
];
const REASONS = ["low_confidence", "timeout", "inference_error", "model_not_loaded"] as const;
type Reason = (typeof REASONS)[number];
const METHODS = ["trm", "rule_based"] as const;
type Method = (typeof METHODS)[number];

const ALERTS_PER_SECOND = 0.4;
/** Share of selections that end without any remediation (status="error"). */
const SELECTION_ERROR = 0.01;
const REMEDIATION_SUCCESS: Record<Method, number> = { trm: 0.94, rule_based: 0.86 };
const DURATION: Record<Method, { median: number; p95: number }> = {
  trm: { median: 0.18, p95: 0.42 },
  rule_based: { median: 0.012, p95: 0.03 },
};

/** The SRE agent's TRM remediation selector (seed 000): one job, "agent-sre". */
export function agentSreSystem({ noise }: SystemContext): SimSystem {
  const target = new Target("agent-sre", AGENT_SRE_INSTANCE);
  const inferences = target.counter("trm_inference_total", "Total number of TRM inference calls", ["method", "status"]);
  const durations = target.histogram("trm_inference_duration_seconds", "Time spent in TRM inference", [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.35, 0.5, 1, 2.5, 5, 10], ["method"]);
  const confidence = target.histogram("trm_confidence_score", "TRM confidence scores", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1], ["alertname"]);
  const fallbacks = target.counter("trm_fallback_total", "Number of times TRM falls back to rule-based", ["reason"]);
  const loaded = target.gauge("trm_model_loaded", "Whether TRM model is loaded (1=loaded, 0=not loaded)");
  const successes = target.counter("remediation_success_total", "Successful remediations", ["lambda_function", "method"]);
  const failures = target.counter("remediation_failure_total", "Failed remediations", ["lambda_function", "method", "error_type"]);

  const calls = METHODS.map((method) => ({
    method,
    ok: new Tally(inferences, { method, status: "success" }),
    error: new Tally(inferences, { method, status: "error" }),
    duration: new HistogramSeries(durations, "trm_inference_duration_seconds", { method }, noise),
    remediations: LAMBDAS.map(([lambda_function, share]) => ({
      share,
      success: new Tally(successes, { lambda_function, method }),
      failures: ERROR_TYPES.map(([error_type, errorShare]) => ({ errorShare, tally: new Tally(failures, { lambda_function, method, error_type }) })),
    })),
  }));
  const reasonTallies = REASONS.map((reason) => ({ reason, tally: new Tally(fallbacks, { reason }) }));
  const scores = ALERTS.map(([alertname, share]) => ({ share, histogram: new HistogramSeries(confidence, "trm_confidence_score", { alertname }, noise) }));

  function reasonShares(m: Moment): Record<Reason, number> {
    if (m.level("trm-model-unloaded") > 0) return { low_confidence: 0, timeout: 0, inference_error: 0, model_not_loaded: 1 };
    const spike = m.level("trm-fallback-spike");
    return { low_confidence: lerp(0.6, 0.85, spike), timeout: lerp(0.25, 0.1, spike), inference_error: lerp(0.15, 0.05, spike), model_not_loaded: 0 };
  }

  return {
    targets: [target],
    advance(m) {
      const unloaded = m.level("trm-model-unloaded") > 0;
      const spike = m.level("trm-fallback-spike");
      const alerts = ALERTS_PER_SECOND * m.load * (1 + 0.2 * noise.wobble("trm.alerts", m.t, 60));
      const fallbackShare = unloaded ? 1 : lerp(0.08, 0.72, spike);
      const perMethod: Record<Method, number> = { trm: alerts * (1 - fallbackShare), rule_based: alerts * fallbackShare };

      for (const call of calls) {
        const ok = call.ok.count(perMethod[call.method] * (1 - SELECTION_ERROR));
        const errors = call.error.count(perMethod[call.method] * SELECTION_ERROR);
        const { median, p95 } = DURATION[call.method];
        call.duration.observeEvents(m.t, ok + errors, (random) => logNormal(random, median, p95));
        const success = REMEDIATION_SUCCESS[call.method];
        for (const remediation of call.remediations) {
          const selected = perMethod[call.method] * (1 - SELECTION_ERROR) * remediation.share;
          remediation.success.count(selected * success);
          for (const failure of remediation.failures) failure.tally.count(selected * (1 - success) * failure.errorShare);
        }
      }

      const shares = reasonShares(m);
      for (const { reason, tally } of reasonTallies) tally.count(alerts * fallbackShare * shares[reason]);

      // The model scores every alert it sees; an unloaded model scores none.
      if (unloaded) return;
      const mean = lerp(0.82, 0.3, spike);
      const spread = lerp(0.07, 0.12, spike);
      for (const score of scores) {
        score.histogram.observeWith(m.t, alerts * score.share, (random) => clamp(mean + spread * gaussian(random), 0.01, 0.999));
      }
    },
    sample(m) {
      loaded.set(m.level("trm-model-unloaded") > 0 ? 0 : 1);
    },
  };
}
