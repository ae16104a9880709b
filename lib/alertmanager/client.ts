import "server-only";
import { z, type ZodType } from "zod";
import { env } from "@/lib/env";
import { UpstreamError } from "@/lib/errors";
import {
  callUpstream,
  upstreamTarget,
  describeTarget,
  excerpt,
  httpError,
  invalidResponse,
  isAbortError,
  parseWith,
  tryParseJson,
  type HttpMethod,
  type UpstreamRequest,
  type UpstreamResponse,
  type UpstreamTarget,
} from "@/lib/http/upstream";
import {
  alertGroupsSchema,
  alertmanagerStatusSchema,
  gettableAlertSchema,
  gettableSilenceSchema,
  gettableSilencesSchema,
  postSilenceResponseSchema,
  type AlertGroup,
  type AlertmanagerStatus,
  type GettableAlert,
  type GettableSilence,
  type InstanceResult,
  type PostableAlert,
  type PostableSilence,
  type PostSilenceResponse,
  type WriteResult,
} from "./types";

export interface AlertmanagerClientOptions {
  /** Base URL of one Alertmanager, with any path prefix (--web.route-prefix). */
  baseUrl: string;
  timeoutMs: number;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

interface Cancellable {
  signal?: AbortSignal;
}

export interface AlertFilterOptions extends Cancellable {
  /** Matchers such as `severity="critical"` or `service=~"inferno.*"`; an alert must match all. */
  filter?: readonly string[];
  active?: boolean;
  silenced?: boolean;
  inhibited?: boolean;
  unprocessed?: boolean;
  /** A regular expression the receiver's name must match. */
  receiver?: string;
}

/** GET /api/v2/alerts/groups takes no `unprocessed` parameter. */
export type AlertGroupFilterOptions = Omit<AlertFilterOptions, "unprocessed">;

export interface SilenceFilterOptions extends Cancellable {
  filter?: readonly string[];
}

export interface AlertmanagerReadyState {
  ready: boolean;
  message: string;
}

type Params = Record<string, string | boolean | readonly string[] | undefined>;

function searchParams(params: Params): URLSearchParams | undefined {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    // The spec's `collectionFormat: multi`: one filter=... per matcher.
    if (typeof value === "object") for (const item of value) search.append(name, item);
    else search.append(name, String(value));
  }
  return search.size > 0 ? search : undefined;
}

/** How many alerts are checked against the schema between two yields to the event loop. */
const ALERT_CHUNK = 500;

/** An Alertmanager API v2 client for ONE instance: one typed function per endpoint. */
export function createAlertmanagerClient(options: AlertmanagerClientOptions) {
  const target = upstreamTarget("alertmanager", options);

  function call<T>(
    method: HttpMethod,
    endpoint: string,
    read: (response: UpstreamResponse, request: UpstreamRequest) => T | Promise<T>,
    { path = endpoint, query, json, signal }: { path?: string; query?: Params; json?: unknown; signal?: AbortSignal } = {},
  ): Promise<T> {
    const request: UpstreamRequest = {
      endpoint,
      path,
      method,
      query: query ? searchParams(query) : undefined,
      body: json === undefined ? undefined : { json },
      signal,
    };
    return callUpstream(target, request, (response) => {
      if (!response.ok) throw apiError(target, request, response);
      return read(response, request);
    });
  }

  function readJson<T>(schema: ZodType<T>) {
    return (response: UpstreamResponse, request: UpstreamRequest): T => {
      const json = tryParseJson(response.text);
      if (!json.ok) {
        throw invalidResponse(target, request, `something that is not JSON: ${excerpt(response.text) || "(empty body)"}`);
      }
      return parseWith(schema, json.value, target, request);
    };
  }

  /**
   * A JSON array checked item by item, yielding to the event loop every ALERT_CHUNK items: at
   * 10,000 alerts the check takes hundreds of milliseconds, which page loads served meanwhile
   * must not wait for.
   */
  function readJsonArray<T>(schema: ZodType<T>) {
    return async (response: UpstreamResponse, request: UpstreamRequest): Promise<T[]> => {
      const json = tryParseJson(response.text);
      if (!json.ok) {
        throw invalidResponse(target, request, `something that is not JSON: ${excerpt(response.text) || "(empty body)"}`);
      }
      if (!Array.isArray(json.value)) return parseWith(z.array(schema), json.value, target, request);
      const items: unknown[] = json.value;
      const parsed: T[] = [];
      for (let index = 0; index < items.length; index += 1) {
        if (index > 0 && index % ALERT_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
        parsed.push(parseWith(schema, items[index], target, request, [index]));
      }
      return parsed;
    };
  }

  const ignoreBody = (): null => null;

  return {
    /** The base URL this client talks to. */
    baseUrl: target.instance,

    /** GET /api/v2/alerts: alerts, filtered by matchers and state. */
    alerts({ filter, active, silenced, inhibited, unprocessed, receiver, signal }: AlertFilterOptions = {}): Promise<GettableAlert[]> {
      return call("GET", "/api/v2/alerts", readJsonArray(gettableAlertSchema), {
        query: { filter, active, silenced, inhibited, unprocessed, receiver },
        signal,
      });
    },

    /** GET /api/v2/alerts/groups: alerts grouped as the routing tree groups them. */
    alertGroups({ filter, active, silenced, inhibited, receiver, signal }: AlertGroupFilterOptions = {}): Promise<AlertGroup[]> {
      return call("GET", "/api/v2/alerts/groups", readJson(alertGroupsSchema), {
        query: { filter, active, silenced, inhibited, receiver },
        signal,
      });
    },

    /** POST /api/v2/alerts: sends alerts, as Prometheus does. */
    postAlerts(alerts: readonly PostableAlert[], { signal }: Cancellable = {}): Promise<null> {
      return call("POST", "/api/v2/alerts", ignoreBody, { json: alerts, signal });
    },

    /** GET /api/v2/silences: every silence, expired ones included, optionally filtered by matchers. */
    silences({ filter, signal }: SilenceFilterOptions = {}): Promise<GettableSilence[]> {
      return call("GET", "/api/v2/silences", readJson(gettableSilencesSchema), { query: { filter }, signal });
    },

    /** GET /api/v2/silence/{silenceID}: one silence. */
    silence(id: string, { signal }: Cancellable = {}): Promise<GettableSilence> {
      return call("GET", "/api/v2/silence/{silenceID}", readJson(gettableSilenceSchema), {
        path: `/api/v2/silence/${encodeURIComponent(id)}`,
        signal,
      });
    },

    /** POST /api/v2/silences: creates a silence, or updates the one whose `id` is given. */
    createOrUpdateSilence(silence: PostableSilence, { signal }: Cancellable = {}): Promise<PostSilenceResponse> {
      return call("POST", "/api/v2/silences", readJson(postSilenceResponseSchema), { json: silence, signal });
    },

    /** DELETE /api/v2/silence/{silenceID}: expires a silence (it stays listed as expired). */
    deleteSilence(id: string, { signal }: Cancellable = {}): Promise<null> {
      return call("DELETE", "/api/v2/silence/{silenceID}", ignoreBody, {
        path: `/api/v2/silence/${encodeURIComponent(id)}`,
        signal,
      });
    },

    /** GET /api/v2/status: version, uptime, loaded configuration and cluster peers. */
    status({ signal }: Cancellable = {}): Promise<AlertmanagerStatus> {
      return call("GET", "/api/v2/status", readJson(alertmanagerStatusSchema), { signal });
    },

    /** GET /-/ready: whether the instance is ready (its cluster has settled). */
    ready({ signal }: Cancellable = {}): Promise<AlertmanagerReadyState> {
      const request: UpstreamRequest = { endpoint: "/-/ready", path: "/-/ready", method: "GET", signal };
      // Not ready is an answer, not a failure: only transport errors throw.
      return callUpstream(target, request, (response) => ({
        ready: response.ok,
        message: excerpt(response.text) || `${response.status} ${response.statusText}`.trim(),
      }));
    },
  };
}

export type AlertmanagerClient = ReturnType<typeof createAlertmanagerClient>;

/**
 * Alertmanager answers a rejected request with its reason as a JSON string (its own checks),
 * a {code, message} object (the OpenAPI validation) or plain text. That reason is kept
 * verbatim; a body that is none of these (a proxy's error page) makes an HTTP error.
 */
function apiError(target: UpstreamTarget, request: UpstreamRequest, response: UpstreamResponse): UpstreamError {
  const reason = rejectionReason(response);
  if (reason === undefined) {
    if (response.status === 404 && request.endpoint === "/api/v2/silence/{silenceID}") {
      const id = decodeURIComponent(request.path.slice("/api/v2/silence/".length));
      return new UpstreamError({
        upstream: target.upstream,
        instance: target.instance,
        kind: "api",
        status: 404,
        message: `${describeTarget(target)} has no silence with ID ${id}`,
      });
    }
    return httpError(target, request, response);
  }
  return new UpstreamError({
    upstream: target.upstream,
    instance: target.instance,
    kind: "api",
    status: response.status,
    message: `${describeTarget(target)} rejected ${request.method} ${request.endpoint} (${response.status}): ${reason}`,
  });
}

function rejectionReason(response: UpstreamResponse): string | undefined {
  const json = tryParseJson(response.text);
  if (json.ok) {
    if (typeof json.value === "string") return json.value;
    if (typeof json.value === "object" && json.value !== null && "message" in json.value && typeof json.value.message === "string") {
      return json.value.message;
    }
    return undefined;
  }
  const text = response.text.trim();
  const isClientError = response.status === 400 || response.status === 422;
  if (isClientError && text !== "" && !response.contentType.includes("html")) return text;
  return undefined;
}

// --- The cluster ----------------------------------------------------------------------------

/** Every Alertmanager of one HA cluster. */
export function createAlertmanagerCluster(
  urls: readonly string[],
  timeoutMs: number,
  { fetch }: { fetch?: typeof globalThis.fetch } = {},
) {
  const clients = urls.map((baseUrl) => createAlertmanagerClient({ baseUrl, timeoutMs, fetch }));

  /** Asks every instance at once; one down never hides the others' answers. */
  function everyInstance<T>(work: (client: AlertmanagerClient) => Promise<T>): Promise<Array<InstanceResult<T>>> {
    return Promise.all(
      clients.map(async (client): Promise<InstanceResult<T>> => {
        const started = performance.now();
        const latency = () => Math.round(performance.now() - started);
        try {
          const data = await work(client);
          return { instance: client.baseUrl, ok: true, data, latencyMs: latency() };
        } catch (error) {
          // The caller's abort and our own bugs are not an instance's answer.
          if (!(error instanceof UpstreamError)) throw error;
          return { instance: client.baseUrl, ok: false, error, latencyMs: latency() };
        }
      }),
    );
  }

  /**
   * Sends to the first instance that answers. Silences gossip across the cluster, so one copy
   * is enough; an instance that is down or too slow is skipped, but a rejection (a 400 about
   * the silence itself) is final: another instance would say the same.
   */
  async function firstInstance<T>(work: (client: AlertmanagerClient) => Promise<T>): Promise<WriteResult<T>> {
    const failures: UpstreamError[] = [];
    for (const client of clients) {
      try {
        return { instance: client.baseUrl, data: await work(client) };
      } catch (error) {
        if (isAbortError(error) || !(error instanceof UpstreamError)) throw error;
        if (error.kind !== "unreachable" && error.kind !== "timeout") throw error;
        failures.push(error);
      }
    }
    const last = failures[failures.length - 1];
    if (!last) throw new Error("No Alertmanager is configured (ALERTMANAGER_URLS is empty)");
    if (failures.length === 1) throw last;
    throw new UpstreamError({
      upstream: "alertmanager",
      instance: last.instance,
      kind: last.kind,
      message: `No Alertmanager answered: ${failures.map((failure) => failure.message).join("; ")}`,
      cause: last,
    });
  }

  return {
    /** The base URLs, in configuration order. */
    instances: clients.map((client) => client.baseUrl),
    /** One client per instance, for calls aimed at a particular Alertmanager. */
    clients,

    /** GET /api/v2/alerts on every instance. */
    alerts(options: AlertFilterOptions = {}) {
      return everyInstance((client) => client.alerts(options));
    },

    /** GET /api/v2/alerts/groups on every instance. */
    alertGroups(options: AlertGroupFilterOptions = {}) {
      return everyInstance((client) => client.alertGroups(options));
    },

    /** GET /api/v2/silences on every instance. */
    silences(options: SilenceFilterOptions = {}) {
      return everyInstance((client) => client.silences(options));
    },

    /** GET /api/v2/status on every instance. */
    status(options: Cancellable = {}) {
      return everyInstance((client) => client.status(options));
    },

    /** GET /api/v2/silence/{silenceID} from the first instance that answers. */
    silence(id: string, options: Cancellable = {}) {
      return firstInstance((client) => client.silence(id, options));
    },

    /** POST /api/v2/silences to the first instance that answers. */
    createOrUpdateSilence(silence: PostableSilence, options: Cancellable = {}) {
      return firstInstance((client) => client.createOrUpdateSilence(silence, options));
    },

    /** DELETE /api/v2/silence/{silenceID} on the first instance that answers. */
    deleteSilence(id: string, options: Cancellable = {}) {
      return firstInstance((client) => client.deleteSilence(id, options));
    },

    /**
     * POST /api/v2/alerts to EVERY instance. Unlike silences, alerts are not gossiped: each
     * peer only knows the alerts sent to it, which is why Prometheus sends to all of them.
     */
    postAlerts(alerts: readonly PostableAlert[], options: Cancellable = {}) {
      return everyInstance((client) => client.postAlerts(alerts, options));
    },
  };
}

export type AlertmanagerCluster = ReturnType<typeof createAlertmanagerCluster>;

let cached: AlertmanagerCluster | undefined;

/** The console's Alertmanagers, built once from ALERTMANAGER_URLS and ALERTMANAGER_TIMEOUT_MS. */
export function getAlertmanagers(): AlertmanagerCluster {
  const settings = env();
  cached ??= createAlertmanagerCluster(settings.ALERTMANAGER_URLS, settings.ALERTMANAGER_TIMEOUT_MS);
  return cached;
}
