import "server-only";
import { STATUS_CODES } from "node:http";
import type { ZodError, ZodType } from "zod";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/errors";
import { consoleMetrics } from "@/lib/metrics";
import { networkCode } from "./network-code";

/** The upstreams that speak HTTP; Postgres has its own driver. */
export type HttpUpstream = "prometheus" | "alertmanager";

const DISPLAY_NAME: Record<HttpUpstream, string> = { prometheus: "Prometheus", alertmanager: "Alertmanager" };

/** One upstream instance as a client sees it. */
export interface UpstreamTarget {
  upstream: HttpUpstream;
  /** Base URL without a trailing slash; named in every message and in the metrics' instance label. */
  instance: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

export type HttpMethod = "GET" | "POST" | "DELETE";

export interface UpstreamRequest {
  /** The path template, e.g. /api/v1/label/{name}/values: the metrics' endpoint label stays bounded. */
  endpoint: string;
  /** The path actually requested, appended to the base URL (which may carry a path prefix). */
  path: string;
  method: HttpMethod;
  query?: URLSearchParams;
  body?: { form: URLSearchParams } | { json: unknown };
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  statusText: string;
  ok: boolean;
  contentType: string;
  text: string;
}

/** Longest piece of an unexpected body quoted in a message: enough to recognise a proxy's error page. */
const EXCERPT_LENGTH = 200;

/** The target a client calls: base URL without trailing slashes, and fetch looked up per call. */
export function upstreamTarget(
  upstream: HttpUpstream,
  options: { baseUrl: string; timeoutMs: number; fetch?: typeof fetch },
): UpstreamTarget {
  return {
    upstream,
    instance: options.baseUrl.replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs,
    // Looked up per call, not captured: Next.js and tests may replace the global fetch later.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };
}

/** "Prometheus at http://prometheus:9090": how every message names the instance. */
export function describeTarget(target: UpstreamTarget): string {
  return `${DISPLAY_NAME[target.upstream]} at ${target.instance}`;
}

/** Milliseconds as the seconds a person reads: 10000 -> "10 s", 50 -> "0.05 s". */
export function formatTimeout(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The start of a body, on one line, for error messages. */
export function excerpt(text: string): string {
  const flat = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

/** The full URL of a request: base URL, path and query string. */
export function requestUrl(target: UpstreamTarget, request: Pick<UpstreamRequest, "path" | "query">): string {
  const query = request.query?.toString();
  return `${target.instance}${request.path}${query ? `?${query}` : ""}`;
}

/**
 * Sends one request and hands the answer to `interpret`, timing the whole call (parsing
 * included) into vigil_upstream_request_duration_seconds and counting failures by kind.
 * Transport failures become UpstreamError; the caller's own abort stays an AbortError.
 */
export async function callUpstream<T>(
  target: UpstreamTarget,
  request: UpstreamRequest,
  interpret: (response: UpstreamResponse) => T | Promise<T>,
): Promise<T> {
  const metrics = consoleMetrics();
  const started = performance.now();
  const observe = (outcome: "ok" | "error") =>
    metrics.upstreamRequestDuration
      .labels({ upstream: target.upstream, instance: target.instance, endpoint: request.endpoint, outcome })
      .observe((performance.now() - started) / 1000);
  try {
    const response = await send(target, request);
    const result = await interpret(response);
    observe("ok");
    return result;
  } catch (error) {
    // A cancelled request (a newer range replaced it, the browser left) says nothing about the upstream.
    if (isAbortError(error)) throw error;
    observe("error");
    // Anything else thrown while reading an answer means the answer was not what we expected.
    const kind: UpstreamErrorKind = error instanceof UpstreamError ? error.kind : "invalid-response";
    metrics.upstreamErrors
      .labels({ upstream: target.upstream, instance: target.instance, endpoint: request.endpoint, kind })
      .inc();
    throw error;
  }
}

async function send(target: UpstreamTarget, request: UpstreamRequest): Promise<UpstreamResponse> {
  const timeout = AbortSignal.timeout(target.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: string | undefined;
  if (request.body && "form" in request.body) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = request.body.form.toString();
  } else if (request.body) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(request.body.json);
  }
  try {
    request.signal?.throwIfAborted();
    // Racing the signal as well guarantees the timeout even if a fetch implementation ignores it.
    const response = await abortable(target.fetch(requestUrl(target, request), { method: request.method, headers, body, signal }), signal);
    const text = await abortable(response.text(), signal);
    return {
      status: response.status,
      // HTTP/2 has no reason phrase; a person still reads "Bad Gateway" faster than "502".
      statusText: response.statusText || (STATUS_CODES[response.status] ?? ""),
      ok: response.ok,
      contentType: response.headers.get("content-type") ?? "",
      text,
    };
  } catch (error) {
    if (request.signal?.aborted) throw toAbortError(request.signal.reason);
    if (timeout.aborted) {
      throw new UpstreamError({
        upstream: target.upstream,
        instance: target.instance,
        kind: "timeout",
        message: `${describeTarget(target)} did not answer within ${formatTimeout(target.timeoutMs)}`,
        cause: error,
      });
    }
    throw unreachable(target, error);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** True for the error a fetch or our code throws when the caller's signal aborts. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

function toAbortError(reason: unknown): DOMException {
  if (isAbortError(reason) && reason instanceof DOMException) return reason;
  const error = new DOMException("The request was cancelled", "AbortError");
  // Keep whatever the caller aborted with for whoever debugs it.
  return Object.assign(error, { cause: reason });
}

function innermostMessage(error: unknown): string {
  if (error instanceof Error && error.cause instanceof Error) return innermostMessage(error.cause);
  return error instanceof Error ? error.message : String(error);
}

function unreachable(target: UpstreamTarget, error: unknown): UpstreamError {
  const code = networkCode(error);
  const name = describeTarget(target);
  const message =
    code === "ECONNREFUSED"
      ? `${name} refused the connection (is it running?)`
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? `${name} could not be reached: the host name does not resolve (check the URL)`
        : code === "ECONNRESET" || code === "UND_ERR_SOCKET"
          ? `${name} closed the connection before answering`
          : code === "UND_ERR_CONNECT_TIMEOUT"
            ? `${name} could not be reached: connecting timed out`
            : `${name} could not be reached: ${innermostMessage(error)}${code ? ` (${code})` : ""}`;
  return new UpstreamError({ upstream: target.upstream, instance: target.instance, kind: "unreachable", message, cause: error });
}

/** An HTTP error status without the API's own error body: the status and the start of the body. */
export function httpError(target: UpstreamTarget, request: UpstreamRequest, response: UpstreamResponse): UpstreamError {
  const body = excerpt(response.text);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return new UpstreamError({
    upstream: target.upstream,
    instance: target.instance,
    kind: "http",
    status: response.status,
    message: `${describeTarget(target)} answered ${status} to ${request.method} ${request.endpoint}${body ? `: ${body}` : ""}`,
  });
}

/** A 2xx answer that is not what the API promises. */
export function invalidResponse(target: UpstreamTarget, request: UpstreamRequest, problem: string, cause?: unknown): UpstreamError {
  return new UpstreamError({
    upstream: target.upstream,
    instance: target.instance,
    kind: "invalid-response",
    message: `${describeTarget(target)} answered ${request.method} ${request.endpoint} with ${problem}`,
    cause,
  });
}

/** Parses a body as JSON, telling "not JSON" apart from a JSON null. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/** `data.result[0].value` for a zod issue path. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    const name = String(key);
    return text ? `${text}.${name}` : name;
  }, "");
}

/** Validates a decoded body with zod; a mismatch becomes invalid-response naming the first paths that differ. */
export function parseWith<T>(
  schema: ZodType<T>,
  value: unknown,
  target: UpstreamTarget,
  request: UpstreamRequest,
  pathPrefix: ReadonlyArray<PropertyKey> = [],
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw schemaMismatch(target, request, result.error, pathPrefix);
}

/** An invalid-response error naming the first paths where a body differs from its schema. */
export function schemaMismatch(
  target: UpstreamTarget,
  request: UpstreamRequest,
  error: ZodError,
  pathPrefix: ReadonlyArray<PropertyKey> = [],
): UpstreamError {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = formatIssuePath([...pathPrefix, ...issue.path]);
    return `${path || "(body)"}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return invalidResponse(target, request, `an unexpected response: ${issues.join("; ")}${more}`, error);
}
