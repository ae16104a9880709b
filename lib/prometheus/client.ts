import "server-only";
import type { ZodType } from "zod";
import { env } from "@/lib/env";
import { UpstreamError, ValidationError } from "@/lib/errors";
import {
  callUpstream,
  upstreamTarget,
  excerpt,
  httpError,
  invalidResponse,
  parseWith,
  schemaMismatch,
  tryParseJson,
  type HttpMethod,
  type UpstreamRequest,
  type UpstreamResponse,
  type UpstreamTarget,
} from "@/lib/http/upstream";
import {
  alertsDataSchema,
  buildInfoSchema,
  envelopeSchema,
  flagsSchema,
  labelNamesSchema,
  labelValuesSchema,
  matrixDataSchema,
  metadataDataSchema,
  queryDataSchema,
  rulesDataSchema,
  runtimeInfoSchema,
  seriesDataSchema,
  targetsDataSchema,
  tsdbStatusSchema,
} from "./types";

export interface PrometheusClientOptions {
  /** Base URL of the HTTP API, with any path prefix (http://thanos:10902, http://mimir/prometheus). */
  baseUrl: string;
  timeoutMs: number;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** An endpoint's data with the notes Prometheus attached; warnings mean the data may be partial. */
export interface PrometheusResult<T> {
  data: T;
  warnings: string[];
  infos: string[];
}

/** Unix seconds, a Date, or RFC 3339 text. */
export type PrometheusTime = number | Date | string;
/** Seconds, or a Prometheus duration such as "30s" or "1m". */
export type PrometheusDuration = number | string;

interface Cancellable {
  signal?: AbortSignal;
}

export interface QueryOptions extends Cancellable {
  /** Evaluation time; Prometheus uses its own clock when left out. */
  time?: PrometheusTime;
  /** Server-side evaluation timeout, capped by Prometheus's --query.timeout. */
  timeout?: PrometheusDuration;
  /** Maximum number of series returned (Prometheus 3.x). */
  limit?: number;
}

export interface QueryRangeOptions extends Cancellable {
  start: PrometheusTime;
  end: PrometheusTime;
  step: PrometheusDuration;
  timeout?: PrometheusDuration;
  limit?: number;
}

export interface SeriesOptions extends Cancellable {
  start?: PrometheusTime;
  end?: PrometheusTime;
  limit?: number;
}

export interface LabelsOptions extends SeriesOptions {
  /** Series selectors; only labels of matching series are returned. */
  match?: string[];
}

export interface MetadataOptions extends Cancellable {
  metric?: string;
  limit?: number;
  limitPerMetric?: number;
}

export interface TargetsOptions extends Cancellable {
  state?: "active" | "dropped" | "any";
  scrapePool?: string;
}

export interface RulesOptions extends Cancellable {
  type?: "alert" | "record";
}

export interface TsdbStatusOptions extends Cancellable {
  /** Entries per top-N list (Prometheus 2.47+; 10 by default). */
  limit?: number;
}

export interface ReadyState {
  ready: boolean;
  /** What the server said, e.g. "Prometheus Server is Ready." or "Service Unavailable". */
  message: string;
}

export interface HealthyState {
  healthy: boolean;
  message: string;
}

/**
 * Past this many characters of encoded parameters a query goes as a POST form instead of a
 * URL, as Grafana does: proxies and load balancers commonly cut URLs at 4-8 KB.
 */
export const MAX_GET_PARAMS_LENGTH = 2000;

type Params = Record<string, string | number | Date | readonly string[] | undefined>;

function formatParam(value: string | number | Date): string {
  if (value instanceof Date) return String(value.getTime() / 1000);
  return String(value);
}

function searchParams(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === "object" && !(value instanceof Date)) {
      for (const item of value) search.append(name, item);
    } else {
      search.append(name, formatParam(value));
    }
  }
  return search;
}

/** A Prometheus API client for one server: one typed function per endpoint. */
export function createPrometheusClient(options: PrometheusClientOptions) {
  const target = upstreamTarget("prometheus", options);

  function request<T>(
    endpoint: string,
    schema: ZodType<T>,
    params: Params,
    signal: AbortSignal | undefined,
    { path = endpoint, postWhenLong = false }: { path?: string; postWhenLong?: boolean } = {},
  ): Promise<PrometheusResult<T>> {
    const query = searchParams(params);
    const method: HttpMethod = postWhenLong && query.toString().length > MAX_GET_PARAMS_LENGTH ? "POST" : "GET";
    const upstreamRequest: UpstreamRequest =
      method === "POST"
        ? { endpoint, path, method, body: { form: query }, signal }
        : { endpoint, path, method, query, signal };
    return callUpstream(target, upstreamRequest, (response) => interpretEnvelope(target, upstreamRequest, response, schema));
  }

  function probe(path: string, signal: AbortSignal | undefined): Promise<{ ok: boolean; message: string }> {
    const upstreamRequest: UpstreamRequest = { endpoint: path, path, method: "GET", signal };
    // A 503 while the TSDB loads is an answer, not a failure: only transport errors throw.
    return callUpstream(target, upstreamRequest, (response) => ({
      ok: response.ok,
      message: excerpt(response.text) || `${response.status} ${response.statusText}`.trim(),
    }));
  }

  return {
    /** The base URL this client talks to. */
    baseUrl: target.instance,

    /** GET or POST /api/v1/query: an instant query. */
    query(expr: string, { time, timeout, limit, signal }: QueryOptions = {}) {
      return request("/api/v1/query", queryDataSchema, { query: expr, time, timeout, limit }, signal, { postWhenLong: true });
    },

    /** GET or POST /api/v1/query_range: a range query; the result is always a matrix. */
    queryRange(expr: string, { start, end, step, timeout, limit, signal }: QueryRangeOptions) {
      return request("/api/v1/query_range", matrixDataSchema, { query: expr, start, end, step, timeout, limit }, signal, {
        postWhenLong: true,
      });
    },

    /** GET or POST /api/v1/series: the label sets of series matching any of the selectors. */
    async series(matchers: readonly string[], { start, end, limit, signal }: SeriesOptions = {}) {
      const params = { "match[]": matchers, start, end, limit };
      return atMost(limit, await request("/api/v1/series", seriesDataSchema, params, signal, { postWhenLong: true }));
    },

    /** GET or POST /api/v1/labels: label names. */
    async labels({ match, start, end, limit, signal }: LabelsOptions = {}) {
      const params = { "match[]": match, start, end, limit };
      return atMost(limit, await request("/api/v1/labels", labelNamesSchema, params, signal, { postWhenLong: true }));
    },

    /** GET /api/v1/label/{name}/values: the values of one label. */
    async labelValues(label: string, { match, start, end, limit, signal }: LabelsOptions = {}) {
      const params = { "match[]": match, start, end, limit };
      const path = `/api/v1/label/${encodeURIComponent(label)}/values`;
      return atMost(limit, await request("/api/v1/label/{name}/values", labelValuesSchema, params, signal, { path }));
    },

    /** GET /api/v1/metadata: type, help and unit of scraped metrics. */
    metadata({ metric, limit, limitPerMetric, signal }: MetadataOptions = {}) {
      return request("/api/v1/metadata", metadataDataSchema, { metric, limit, limit_per_metric: limitPerMetric }, signal);
    },

    /** GET /api/v1/targets: scrape targets and their health. */
    targets({ state, scrapePool, signal }: TargetsOptions = {}) {
      return request("/api/v1/targets", targetsDataSchema, { state, scrapePool }, signal);
    },

    /** GET /api/v1/rules: alerting and recording rules with their evaluation state. */
    rules({ type, signal }: RulesOptions = {}) {
      return request("/api/v1/rules", rulesDataSchema, { type }, signal);
    },

    /** GET /api/v1/alerts: pending and firing alerts as Prometheus evaluates them. */
    alerts({ signal }: Cancellable = {}) {
      return request("/api/v1/alerts", alertsDataSchema, {}, signal);
    },

    /** GET /api/v1/status/buildinfo: version and build of the server. */
    buildinfo({ signal }: Cancellable = {}) {
      return request("/api/v1/status/buildinfo", buildInfoSchema, {}, signal);
    },

    /** GET /api/v1/status/runtimeinfo: start time, config reload state, retention. */
    runtimeinfo({ signal }: Cancellable = {}) {
      return request("/api/v1/status/runtimeinfo", runtimeInfoSchema, {}, signal);
    },

    /** GET /api/v1/status/flags: the command-line flags the server runs with. */
    flags({ signal }: Cancellable = {}) {
      return request("/api/v1/status/flags", flagsSchema, {}, signal);
    },

    /** GET /api/v1/status/tsdb: head block cardinality statistics. */
    async tsdbStatus({ limit, signal }: TsdbStatusOptions = {}) {
      // `limit` is Prometheus's name (2.47+), `topN` VictoriaMetrics'; older servers ignore both, so cut here too.
      const result = await request("/api/v1/status/tsdb", tsdbStatusSchema, { limit, topN: limit }, signal);
      if (limit === undefined || limit <= 0) return result;
      const top = <T,>(list: T[]) => list.slice(0, limit);
      const { data } = result;
      return {
        ...result,
        data: {
          ...data,
          seriesCountByMetricName: top(data.seriesCountByMetricName),
          labelValueCountByLabelName: top(data.labelValueCountByLabelName),
          memoryInBytesByLabelName: top(data.memoryInBytesByLabelName),
          seriesCountByLabelValuePair: top(data.seriesCountByLabelValuePair),
        },
      };
    },

    /** GET /-/ready: whether the server is ready to answer queries. */
    async ready({ signal }: Cancellable = {}): Promise<ReadyState> {
      const { ok, message } = await probe("/-/ready", signal);
      return { ready: ok, message };
    },

    /** GET /-/healthy: whether the server process is healthy. */
    async healthy({ signal }: Cancellable = {}): Promise<HealthyState> {
      const { ok, message } = await probe("/-/healthy", signal);
      return { healthy: ok, message };
    },
  };
}

export type PrometheusClient = ReturnType<typeof createPrometheusClient>;

/** Servers before Prometheus 2.49 ignore `limit`; cutting here keeps the option's promise. */
function atMost<T>(limit: number | undefined, result: PrometheusResult<T[]>): PrometheusResult<T[]> {
  if (limit === undefined || limit <= 0 || result.data.length <= limit) return result;
  return { ...result, data: result.data.slice(0, limit) };
}

/**
 * Reads Prometheus's envelope: the error envelope keeps the upstream's errorType and message
 * verbatim (what a person wrote wrong in a query is in there); anything else that is not the
 * envelope is an HTTP error or an invalid response.
 */
function interpretEnvelope<T>(
  target: UpstreamTarget,
  request: UpstreamRequest,
  response: UpstreamResponse,
  schema: ZodType<T>,
): PrometheusResult<T> {
  const json = tryParseJson(response.text);
  if (!json.ok) {
    if (!response.ok) throw httpError(target, request, response);
    throw invalidResponse(target, request, `something that is not JSON: ${excerpt(response.text) || "(empty body)"}`);
  }
  const envelope = envelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    // A proxy's JSON error page, or a server that does not speak this API.
    if (!response.ok) throw httpError(target, request, response);
    throw schemaMismatch(target, request, envelope.error);
  }
  const body = envelope.data;
  if (body.status === "error") {
    throw new UpstreamError({
      upstream: target.upstream,
      instance: target.instance,
      kind: "api",
      status: response.status,
      errorType: body.errorType,
      message: `${body.errorType}: ${body.error}`,
    });
  }
  if (!response.ok) throw httpError(target, request, response);
  return {
    data: parseWith(schema, body.data, target, request, ["data"]),
    warnings: body.warnings ?? [],
    infos: body.infos ?? [],
  };
}

/** A Prometheus-API source a dashboard, panel or SLO may name. */
export interface PrometheusSource {
  name: string;
  url: string;
  isDefault: boolean;
}

/** The source PROMETHEUS_URL configures, used wherever nothing else is chosen. */
export const DEFAULT_SOURCE = "default";

/** Every configured source, the default first. */
export function prometheusSources(): PrometheusSource[] {
  const settings = env();
  return [
    { name: DEFAULT_SOURCE, url: settings.PROMETHEUS_URL, isDefault: true },
    ...settings.PROMETHEUS_SOURCES.map((source) => ({ ...source, isDefault: false })),
  ];
}

const clients = new Map<string, PrometheusClient>();

/**
 * The console's client for one source (the default when none is named), built once per source
 * from its URL and PROMETHEUS_TIMEOUT_MS. A name that is not configured is the caller's mistake:
 * a ValidationError that lists the names there are.
 */
export function getPrometheus(source: string = DEFAULT_SOURCE): PrometheusClient {
  const existing = clients.get(source);
  if (existing) return existing;
  const sources = prometheusSources();
  const found = sources.find((candidate) => candidate.name === source);
  if (!found) {
    throw new ValidationError(
      `There is no Prometheus source named "${source}"; configured: ${sources.map((candidate) => candidate.name).join(", ")}`,
      [{ path: "source", message: `unknown source "${source}"` }],
    );
  }
  const client = createPrometheusClient({ baseUrl: found.url, timeoutMs: env().PROMETHEUS_TIMEOUT_MS });
  clients.set(source, client);
  return client;
}
