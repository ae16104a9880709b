import "server-only";
import { ValidationError } from "@/lib/errors";
import { getPrometheus, prometheusSources } from "@/lib/prometheus/client";
import { distinctEdges, leValue } from "./le";
import { selectorText, type Selector } from "./model";
import { parseSelector } from "./spec";

/** The finite bucket edges of `histogram` as Prometheus holds them (`le` of its `_bucket` series), sorted. */
export async function histogramEdges(histogram: Selector, datasource: string | undefined, signal?: AbortSignal): Promise<string[]> {
  const client = prometheusClient(datasource);
  const values = await client.labelValues("le", { match: [selectorText(histogram, [], "_bucket")], signal });
  return distinctEdges(values.data).filter((edge) => leValue(edge) !== Number.POSITIVE_INFINITY);
}

/** The client for a source an SLO names, refusing an unknown name as a problem of the `datasource` field. */
export function prometheusClient(datasource: string | undefined, path = "datasource") {
  if (datasource !== undefined && !prometheusSources().some((source) => source.name === datasource)) {
    const names = prometheusSources().map((source) => source.name);
    const message = `there is no Prometheus source named "${datasource}" (configured: ${names.join(", ")})`;
    throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
  }
  return getPrometheus(datasource);
}

/** Reads a selector from the query string, refusing one that does not parse. */
export function selectorParam(text: string, path: string): Selector {
  const parsed = parseSelector(text);
  if (typeof parsed === "string") throw new ValidationError(`${path}: ${parsed}`, [{ path, message: parsed }]);
  if (/_bucket$|_count$|_sum$/.test(parsed.metric)) {
    const message = "give the histogram's base name, without _bucket, _count or _sum";
    throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
  }
  return parsed;
}

/**
 * Refuses a latency threshold that is not a bucket edge of the histogram's series: a threshold
 * between edges cannot be counted, and the SLO would silently read nothing.
 */
export async function assertLatencyEdge(histogram: Selector, le: string, datasource: string | undefined, path: string, signal?: AbortSignal): Promise<void> {
  const edges = await histogramEdges(histogram, datasource, signal);
  const wanted = leValue(le);
  if (edges.some((edge) => leValue(edge) === wanted)) return;
  const series = selectorText(histogram, [], "_bucket");
  const message =
    edges.length === 0
      ? `${series} has no series in Prometheus, so no bucket edge can be checked; check the metric name and matchers`
      : `${le} is not a bucket edge of ${series}; its edges are ${edges.join(", ")}`;
  throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
}
