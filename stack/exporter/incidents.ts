export interface IncidentSpec {
  name: string;
  /** Scheduled length; long enough for the matching alert's `for:` plus its rate window. */
  seconds: number;
  summary: string;
}

const MINUTE = 60;

/** The named incidents, in the order the schedule rotates through them. */
export const INCIDENTS = [
  {
    name: "inferno-queue-backlog",
    seconds: 13 * MINUTE,
    summary: "inferno-1 stops draining: inferno_queue_pending_requests ~650 (> 100 warning, > 500 critical), drops grow",
  },
  {
    name: "trm-fallback-spike",
    seconds: 21 * MINUTE,
    summary: "TRM falls back ~72% of the time (> 0.5) and mean trm_confidence_score ~0.30 (< 0.5); 21 min covers a 15m for:",
  },
  {
    name: "ttft-breach",
    seconds: 13 * MINUTE,
    summary: "agent_ttft_ms +380 ms on every model and route: P95 ~650-800 ms (> 350 ms); queue depth and admission rejects rise",
  },
  {
    name: "gpu-saturation",
    seconds: 13 * MINUTE,
    summary: "every GPU on gpu-node-2 at ~98% (gpu_util_pct and DCGM_FI_DEV_GPU_UTIL > 95)",
  },
  {
    name: "cf-errors",
    seconds: 12 * MINUTE,
    summary: "counterfactual-lab answers ~20% 5xx and ~25% of generations fail (> 10% error rate)",
  },
  {
    name: "tool-latency",
    seconds: 13 * MINUTE,
    summary: "agent_tool_latency_ms +750 ms on every tool: P95 ~1.3-1.7 s (> 800 ms); tool success rate ~0.85",
  },
  {
    name: "worker-down",
    seconds: 13 * MINUTE,
    summary: "learning-worker worker-1 and worker-2 answer 503 (up == 0), rq_workers_total busy+idle = 0, queues grow",
  },
  {
    name: "cost-spike",
    seconds: 13 * MINUTE,
    summary: "cost_usd_per_1k_tokens{model=\"llama-3-70b\"} x2.2 = 0.132 for every tenant (> 0.10)",
  },
  {
    name: "inferno-latency",
    seconds: 13 * MINUTE,
    summary: "every inferno pod: POST latency P95 ~2-3 s (> 1 s) and ~14% 5xx (> 5%)",
  },
  {
    name: "policy-blocks",
    seconds: 12 * MINUTE,
    summary: "prompt-injection wave: sum(rate(policy_blocks_total)) ~12.5/s (> 5/s)",
  },
  {
    name: "trm-model-unloaded",
    seconds: 9 * MINUTE,
    summary: "trm_model_loaded = 0 and every inference falls back (reason model_not_loaded); 9 min keeps the 10m fallback alert quiet",
  },
  {
    name: "cold-starts",
    seconds: 13 * MINUTE,
    summary: "agent_cold_start_rate ~0.08 (> 0.02), model_cache_hit_ratio ~0.55, many model loads",
  },
  {
    name: "xid-error",
    seconds: 12 * MINUTE,
    summary: "DCGM_FI_DEV_XID_ERRORS = 48 (double-bit ECC) on gpu-node-3 gpu 0",
  },
  {
    name: "inferno-disk-full",
    seconds: 12 * MINUTE,
    summary: "inferno-2 filesystem ~3% free (< 5% critical, < 15% warning); inferno_persistence_write_errors_total grows",
  },
  {
    name: "inferno-memory-pressure",
    seconds: 12 * MINUTE,
    summary: "inferno-0 container_memory_usage_bytes ~3950Mi (> 3500Mi warning, > 3900Mi critical)",
  },
  {
    name: "agent-errors",
    seconds: 12 * MINUTE,
    summary: "agent_turn_errors_total ~4% of turns (> 1%) on every model and route",
  },
] as const satisfies readonly IncidentSpec[];

export type IncidentName = (typeof INCIDENTS)[number]["name"];

export function isIncidentName(value: string): value is IncidentName {
  return INCIDENTS.some((incident) => incident.name === value);
}

export function incidentSpec(name: IncidentName): IncidentSpec {
  const spec = INCIDENTS.find((incident) => incident.name === name);
  if (!spec) throw new Error(`unknown incident ${name}`);
  return spec;
}

/** Quiet time between scheduled incidents: enough for 5m rate windows to clear and alerts to resolve. */
export const INCIDENT_GAP_SECONDS = 7 * MINUTE;

/** A quiet start lets a viewer see the healthy picture first; fast mode is for tests and impatient demos. */
export const FIRST_INCIDENT_SECONDS = { normal: 5 * MINUTE, fast: 20 } as const;

export interface ScheduleOptions {
  seed: number;
  fast: boolean;
}

export interface Occurrence {
  /** Position in the endless schedule, 0 for the first incident. */
  index: number;
  name: IncidentName;
  /** Seconds since the exporter started. */
  start: number;
  end: number;
}

const CYCLE_SECONDS = INCIDENTS.reduce((total, incident) => total + incident.seconds + INCIDENT_GAP_SECONDS, 0);

/** Fast mode opens with the queue backlog, whose alerts fire within minutes; otherwise the seed picks. */
function rotationOffset(options: ScheduleOptions): number {
  return options.fast ? 0 : Math.abs(Math.trunc(options.seed)) % INCIDENTS.length;
}

/** The index-th scheduled incident. */
export function scheduledOccurrence(index: number, options: ScheduleOptions): Occurrence {
  const offset = rotationOffset(options);
  const cycle = Math.floor(index / INCIDENTS.length);
  let start = (options.fast ? FIRST_INCIDENT_SECONDS.fast : FIRST_INCIDENT_SECONDS.normal) + cycle * CYCLE_SECONDS;
  for (let position = 0; position < index % INCIDENTS.length; position += 1) {
    start += specAt(offset + position).seconds + INCIDENT_GAP_SECONDS;
  }
  const spec = specAt(offset + index);
  return { index, name: spec.name, start, end: start + spec.seconds };
}

function specAt(position: number): (typeof INCIDENTS)[number] {
  const spec = INCIDENTS[position % INCIDENTS.length];
  if (!spec) throw new Error("empty incident table");
  return spec;
}

/** The first scheduled incident that has not ended at `t` (it may be running or still ahead). */
export function currentOrNextOccurrence(t: number, options: ScheduleOptions): Occurrence {
  const first = options.fast ? FIRST_INCIDENT_SECONDS.fast : FIRST_INCIDENT_SECONDS.normal;
  let index = Math.max(0, Math.floor((t - first) / CYCLE_SECONDS) * INCIDENTS.length);
  for (;;) {
    const occurrence = scheduledOccurrence(index, options);
    if (occurrence.end > t) return occurrence;
    index += 1;
  }
}

/** The scheduled incident running at `t`, if any. */
export function scheduledAt(t: number, options: ScheduleOptions): Occurrence | undefined {
  const occurrence = currentOrNextOccurrence(t, options);
  return occurrence.start <= t ? occurrence : undefined;
}

/**
 * How strongly an incident acts at `t`: ramps from 0 to 1 over the first minute (a quarter of
 * short incidents) because real failures build up, then holds until the end.
 */
export function incidentLevel(window: { start: number; end: number }, t: number): number {
  if (t < window.start || t >= window.end) return 0;
  const ramp = Math.min(60, (window.end - window.start) / 4);
  return ramp <= 0 ? 1 : Math.min(1, (t - window.start + 1) / ramp);
}
