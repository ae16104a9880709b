import "server-only";
import { DEFAULT_SOURCE, getPrometheus, prometheusSources } from "@/lib/prometheus/client";
import { summarizeTargets, type TargetsSummary } from "@/lib/prometheus/targets-summary";
import type { InstantQuery, RangeQuery } from "@/lib/validations/prometheus";

/** What /api/prometheus/query_range answers: Prometheus's own envelope, warnings kept, and which source answered. */
export type RangeQueryResponse = Awaited<ReturnType<typeof rangeQuery>>;
export type InstantQueryResponse = Awaited<ReturnType<typeof instantQuery>>;

export async function instantQuery(params: InstantQuery, signal?: AbortSignal) {
  const source = params.source ?? DEFAULT_SOURCE;
  const result = await getPrometheus(source).query(params.query, { time: params.time, signal });
  return { status: "success" as const, data: result.data, warnings: result.warnings, source };
}

export async function rangeQuery(params: RangeQuery, signal?: AbortSignal) {
  const source = params.source ?? DEFAULT_SOURCE;
  const result = await getPrometheus(source).queryRange(params.query, {
    start: params.start,
    end: params.end,
    step: params.step,
    signal,
  });
  return { status: "success" as const, data: result.data, warnings: result.warnings, source };
}

export async function targetsSummary(signal?: AbortSignal, source?: string): Promise<TargetsSummary> {
  const result = await getPrometheus(source).targets({ state: "active", signal });
  return summarizeTargets(result.data.activeTargets);
}

/** A configured source as GET /api/prometheus/sources lists it. */
export interface SourceSummary {
  name: string;
  /** Shown to every signed-in person, as the health page shows PROMETHEUS_URL: an address, not a secret. */
  url: string;
  isDefault: boolean;
}

/** Every configured source, the default first; credentials in a URL are never shown. */
export function sourceSummaries(): SourceSummary[] {
  return prometheusSources().map((source) => ({ name: source.name, url: withoutCredentials(source.url), isDefault: source.isDefault }));
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}
