import { parseDuration } from "./duration";
import type { VectorSample } from "./fetch";

/**
 * SLOs that Sloth or Pyrra already record in Prometheus, read back from their recording-rule series
 * (names as their generators write them: Sloth's internal/prometheus, Pyrra's slo/rules.go).
 * Read-only: the definitions live with those tools.
 */

export type ExternalTool = "sloth" | "pyrra";

export interface ExternalBurnRate {
  /** As the series names it: 5m, 1h4m, 4d. */
  window: string;
  seconds: number;
  /** Error ratio over the window divided by the error budget; null without data. */
  rate: number | null;
}

export interface ExternalSlo {
  /** `<tool>--<the tool's id>`: URL-safe once encoded. */
  key: string;
  tool: ExternalTool;
  /** Sloth's sloth_id, Pyrra's slo label. */
  id: string;
  name: string;
  service?: string;
  /** Labels the tool propagated (team, owner...), without its own identity labels. */
  labels: Record<string, string>;
  /** Between 0 and 1. */
  objective: number | null;
  windowSeconds: number | null;
  /** Success ratio over the window. */
  sli: number | null;
  errorBudgetRemaining: number | null;
  burnRates: ExternalBurnRate[];
  /** Pyrra's generic rules: requests and errors per second over 5 minutes. */
  requestsPerSecond?: number | null;
  errorsPerSecond?: number | null;
  /** The recording-rule series the figures come from. */
  series: string[];
}

export interface ExternalSloList {
  slos: ExternalSlo[];
  /** Why discovery failed (Prometheus unreachable...); the console's own SLOs are still listed. */
  error?: string;
}

/** Everything Sloth records for its SLOs carries sloth_id. */
export const SLOTH_SELECTOR = '{__name__=~"slo:.+|sloth_slo_info", sloth_id!=""}';
/** Pyrra's generic rules and its per-SLO burn-rate rules, all labelled slo. */
export const PYRRA_SELECTOR = '{__name__=~"pyrra_.+|.+:burnrate[0-9a-z]+", slo!=""}';

const SLOTH_IDENTITY = new Set(["__name__", "sloth_id", "sloth_service", "sloth_slo", "sloth_window", "sloth_version", "sloth_mode", "sloth_spec", "sloth_objective"]);
const SLOTH_RATIO = /^slo:sli_error:ratio_rate([0-9a-z]+)$/;
const PYRRA_BURN = /^.+:burnrate([0-9a-z]+)$/;

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** Of several series (one per group value), the worst: the highest error ratio. */
function worst(current: number | null | undefined, next: number): number | null {
  if (!Number.isFinite(next)) return current ?? null;
  return current === null || current === undefined ? next : Math.max(current, next);
}

function sortedBurnRates(rates: Map<string, number | null>, errorBudget: number | null): ExternalBurnRate[] {
  return [...rates]
    .flatMap(([window, ratio]) => {
      const seconds = parseDuration(window);
      if (seconds === undefined) return [];
      return [{ window, seconds, rate: ratio !== null && errorBudget !== null && errorBudget > 0 ? ratio / errorBudget : null }];
    })
    .sort((a, b) => a.seconds - b.seconds);
}

/** Sloth's SLOs from the series `SLOTH_SELECTOR` returns. */
export function slothSlos(samples: readonly VectorSample[]): ExternalSlo[] {
  interface Entry {
    name: string;
    service?: string;
    labels: Record<string, string>;
    objective?: number;
    days?: number;
    remaining?: number | null;
    periodBurn?: number | null;
    ratios: Map<string, number | null>;
    series: Set<string>;
  }
  const entries = new Map<string, Entry>();
  for (const sample of samples) {
    const id = sample.labels.sloth_id;
    const metric = sample.labels.__name__ ?? "";
    if (!id) continue;
    const entry: Entry = entries.get(id) ?? { name: sample.labels.sloth_slo ?? id, service: sample.labels.sloth_service, labels: {}, ratios: new Map(), series: new Set() };
    entry.series.add(metric);
    if (metric === "sloth_slo_info") {
      for (const [label, value] of Object.entries(sample.labels)) if (!SLOTH_IDENTITY.has(label)) entry.labels[label] = value;
    }
    const ratio = SLOTH_RATIO.exec(metric)?.[1];
    if (ratio) entry.ratios.set(ratio, worst(entry.ratios.get(ratio), sample.value));
    else if (metric === "slo:objective:ratio") entry.objective = finite(sample.value) ?? undefined;
    else if (metric === "slo:time_period:days") entry.days = finite(sample.value) ?? undefined;
    else if (metric === "slo:period_error_budget_remaining:ratio") {
      const value = finite(sample.value);
      if (value !== null) entry.remaining = entry.remaining === undefined || entry.remaining === null ? value : Math.min(entry.remaining, value);
    }
    entries.set(id, entry);
  }
  return [...entries].map(([id, entry]): ExternalSlo => {
    const objective = entry.objective ?? null;
    const errorBudget = objective !== null ? Number((1 - objective).toFixed(12)) : null;
    const windowSeconds = entry.days !== undefined ? entry.days * 86_400 : null;
    const periodKey = entry.days !== undefined ? `${entry.days}d` : undefined;
    const periodRatio = periodKey !== undefined ? (entry.ratios.get(periodKey) ?? null) : null;
    const shortRatios = new Map([...entry.ratios].filter(([window]) => window !== periodKey));
    return {
      key: `sloth--${id}`,
      tool: "sloth",
      id,
      name: entry.name,
      service: entry.service,
      labels: entry.labels,
      objective,
      windowSeconds,
      sli: periodRatio !== null ? 1 - periodRatio : null,
      errorBudgetRemaining:
        entry.remaining ?? (periodRatio !== null && errorBudget !== null && errorBudget > 0 ? 1 - periodRatio / errorBudget : null),
      burnRates: sortedBurnRates(shortRatios, errorBudget),
      series: [...entry.series].sort(),
    };
  });
}

/** Pyrra's SLOs from the series `PYRRA_SELECTOR` returns; an SLO needs its pyrra_objective (generic rules on). */
export function pyrraSlos(samples: readonly VectorSample[]): ExternalSlo[] {
  interface Entry {
    labels: Record<string, string>;
    objective?: number;
    windowSeconds?: number;
    availability?: number | null;
    requests?: number | null;
    errors?: number | null;
    ratios: Map<string, number | null>;
    series: Set<string>;
  }
  const entries = new Map<string, Entry>();
  for (const sample of samples) {
    const slo = sample.labels.slo;
    const metric = sample.labels.__name__ ?? "";
    if (!slo) continue;
    const entry: Entry = entries.get(slo) ?? { labels: {}, ratios: new Map(), series: new Set() };
    entry.series.add(metric);
    const burn = PYRRA_BURN.exec(metric)?.[1];
    if (burn) entry.ratios.set(burn, worst(entry.ratios.get(burn), sample.value));
    else if (metric === "pyrra_objective") {
      entry.objective = finite(sample.value) ?? undefined;
      for (const [label, value] of Object.entries(sample.labels)) if (label !== "__name__" && label !== "slo") entry.labels[label] = value;
    } else if (metric === "pyrra_window") entry.windowSeconds = finite(sample.value) ?? undefined;
    else if (metric === "pyrra_availability") entry.availability = finite(sample.value);
    else if (metric === "pyrra_requests:rate5m" || metric === "pyrra_requests_total") entry.requests = finite(sample.value);
    else if (metric === "pyrra_errors:rate5m" || metric === "pyrra_errors_total") entry.errors = finite(sample.value);
    entries.set(slo, entry);
  }
  return [...entries]
    .filter(([, entry]) => entry.objective !== undefined)
    .map(([slo, entry]): ExternalSlo => {
      const objective = entry.objective ?? null;
      const errorBudget = objective !== null ? Number((1 - objective).toFixed(12)) : null;
      const availability = entry.availability ?? null;
      return {
        key: `pyrra--${slo}`,
        tool: "pyrra",
        id: slo,
        name: slo,
        service: entry.labels.namespace ?? entry.labels.job,
        labels: entry.labels,
        objective,
        windowSeconds: entry.windowSeconds ?? null,
        sli: availability,
        errorBudgetRemaining: availability !== null && errorBudget !== null && errorBudget > 0 ? (availability - (objective ?? 0)) / errorBudget : null,
        burnRates: sortedBurnRates(entry.ratios, errorBudget),
        requestsPerSecond: entry.requests ?? null,
        errorsPerSecond: entry.errors ?? null,
        series: [...entry.series].sort(),
      };
    });
}

/** Both tools' SLOs, by tool then name. */
export function externalSlos(sloth: readonly VectorSample[], pyrra: readonly VectorSample[]): ExternalSlo[] {
  return [...slothSlos(sloth), ...pyrraSlos(pyrra)].sort((a, b) => a.tool.localeCompare(b.tool) || a.name.localeCompare(b.name));
}
