import { z } from "zod";
import { envelopeSchema, flagsSchema, queryDataSchema } from "@/lib/prometheus/types";
import { parseSampleValue } from "@/lib/prometheus/parse-sample-values";
import type { InstantQueryFn, VectorSample } from "./fetch";

/**
 * A minimal Prometheus reader for the CLI, the bench and tests, which run outside Next and cannot
 * load the server-only client (lib/prometheus/client.ts). Same endpoints, same zod schemas.
 */

async function call<T>(baseUrl: string, path: string, form: URLSearchParams | undefined, data: z.ZodType<T>, timeoutMs: number): Promise<T> {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: form ? "POST" : "GET",
      body: form,
      headers: form ? { "content-type": "application/x-www-form-urlencoded" } : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `did not answer in ${timeoutMs / 1000} s` : "cannot be reached";
    throw new Error(`Prometheus at ${baseUrl} ${reason} (${path})`, { cause: error });
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Prometheus at ${baseUrl} answered ${response.status} with something that is not JSON (${path})`);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new Error(`Prometheus at ${baseUrl} answered ${response.status} with an unexpected shape (${path})`);
  if (envelope.data.status === "error") throw new Error(`Prometheus: ${envelope.data.errorType}: ${envelope.data.error}`);
  const parsed = data.safeParse(envelope.data.data);
  if (!parsed.success) throw new Error(`Prometheus at ${baseUrl} answered an unexpected shape (${path})`);
  return parsed.data;
}

/** POST /api/v1/query as an InstantQueryFn (POST: batched SLO queries are long). */
export function httpInstantQuery(baseUrl: string, timeoutMs = 30_000): InstantQueryFn {
  return async (expr, time) => {
    const form = new URLSearchParams({ query: expr, time: String(time.getTime() / 1000) });
    const data = await call(baseUrl, "/api/v1/query", form, queryDataSchema, timeoutMs);
    return vectorSamples(data);
  };
}

/** GET /api/v1/status/flags. */
export function httpFlags(baseUrl: string, timeoutMs = 10_000): Promise<Record<string, string>> {
  return call(baseUrl, "/api/v1/status/flags", undefined, flagsSchema, timeoutMs);
}

/** An instant query's answer as samples; a scalar becomes one sample without labels. */
export function vectorSamples(data: z.infer<typeof queryDataSchema>): VectorSample[] {
  if (data.resultType === "vector") return data.result.map((series) => ({ labels: series.metric, value: parseSampleValue(series.value[1]) }));
  if (data.resultType === "scalar") return [{ labels: {}, value: parseSampleValue(data.result[1]) }];
  return [];
}
