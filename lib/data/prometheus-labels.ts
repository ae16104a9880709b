import "server-only";
import { DEFAULT_SOURCE, getPrometheus } from "@/lib/prometheus/client";
import { parseDuration } from "@/lib/validations/time";
import type { LabelNamesQuery, LabelValuesQuery } from "@/lib/validations/dashboards";

/** Values of one label (dashboard variables' label_values), among series matching `match` when given. */
export async function labelValues(params: LabelValuesQuery, signal?: AbortSignal): Promise<string[]> {
  const result = await getPrometheus(params.source).labelValues(params.label, {
    match: params.match ? [params.match] : undefined,
    start: params.start,
    end: params.end,
    signal,
  });
  return result.data;
}

export async function labelNames(params: LabelNamesQuery, signal?: AbortSignal): Promise<string[]> {
  const result = await getPrometheus(params.source).labels({ match: params.match ? [params.match] : undefined, start: params.start, end: params.end, signal });
  return result.data;
}

const DEFAULT_SCRAPE_SECONDS = 15;
/** Per source: each source scrapes at its own pace. */
const cachedScrape = new Map<string, { seconds: number; at: number }>();

/**
 * The shortest scrape interval among active targets: the finest step worth asking for and the
 * base of $__rate_interval. Cached for a minute; Prometheus's default (15 s) when it cannot be told.
 */
export async function scrapeIntervalSeconds(signal?: AbortSignal, source: string = DEFAULT_SOURCE): Promise<number> {
  const cached = cachedScrape.get(source);
  if (cached && Date.now() - cached.at < 60_000) return cached.seconds;
  const result = await getPrometheus(source).targets({ state: "active", signal });
  const intervals = result.data.activeTargets
    // VictoriaMetrics has no scrapeInterval field; its discovered labels carry the interval instead.
    .map((target) => target.scrapeInterval ?? target.discoveredLabels?.__scrape_interval__)
    .map((interval) => (interval ? parseDuration(interval) : undefined))
    .filter((value): value is number => value !== undefined && value > 0);
  const seconds = intervals.length ? Math.min(...intervals) : DEFAULT_SCRAPE_SECONDS;
  cachedScrape.set(source, { seconds, at: Date.now() });
  return seconds;
}

/** Like scrapeIntervalSeconds, but never fails: a page must render even with Prometheus down. */
export async function scrapeIntervalOrDefault(source?: string): Promise<number> {
  try {
    return await scrapeIntervalSeconds(AbortSignal.timeout(2_000), source);
  } catch {
    return DEFAULT_SCRAPE_SECONDS;
  }
}
