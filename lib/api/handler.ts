import "server-only";
import { ZodError, type ZodType } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/guard";
import { cookieReader, credentialsFrom } from "@/lib/auth/request-meta";
import { accessFor } from "@/lib/auth/route-policy";
import {
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  UpstreamError,
  ValidationError,
  type ApiErrorBody,
} from "@/lib/errors";
import { postgresOutage } from "@/lib/db";
import { consoleMetrics } from "@/lib/metrics";

export interface RouteContext<Context> {
  /** Who is calling; undefined only on public routes called anonymously. */
  actor: Actor | undefined;
  context: Context;
}

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;
type AuthorizedHandler<Context> = (request: Request, route: RouteContext<Context>) => Promise<Response>;

/**
 * Wraps a route handler: checks the caller against the route's entry in ROUTE_POLICY, times
 * it into vigil_http_request_duration_seconds under the route pattern, and turns our error
 * types into JSON answers with the right status.
 */
export function apiRoute<Context = unknown>(route: string, handler: AuthorizedHandler<Context>): Handler<Context> {
  return async (request, context) => {
    const started = performance.now();
    let status = 500;
    try {
      const access = accessFor(route, request.method);
      // A handler without a policy entry is a programming error; refuse rather than guess.
      if (!access) throw new Error(`${request.method} ${route} has no entry in ROUTE_POLICY`);
      const credentials = credentialsFrom(request.headers, cookieReader(request.headers.get("cookie")));
      const actor = await authorize(credentials, access, `${request.method} ${route}`).catch((error: unknown) => {
        // Probes and /metrics must answer while Postgres is down: on a public route, a caller
        // whose session cannot be looked up is served as anonymous.
        if (access === "public" && postgresOutage(error)) return undefined;
        throw error;
      });
      const response = await handler(request, { actor, context });
      status = response.status;
      return response;
    } catch (error) {
      const response = errorResponse(error);
      status = response.status;
      return response;
    } finally {
      consoleMetrics()
        .httpRequestDuration.labels(route, request.method, String(status))
        .observe((performance.now() - started) / 1000);
    }
  };
}

/** The JSON error answer for anything a handler throws. */
export function errorResponse(error: unknown): Response {
  const outage = postgresOutage(error);
  if (outage) return Response.json(outage.toJSON(), { status: outage.httpStatus });
  if (error instanceof UpstreamError) {
    return Response.json(error.toJSON(), { status: error.httpStatus });
  }
  if (error instanceof AuthenticationError) {
    return Response.json({ error: error.message } satisfies ApiErrorBody, { status: 401 });
  }
  if (error instanceof ForbiddenError) {
    return Response.json({ error: error.message } satisfies ApiErrorBody, { status: 403 });
  }
  if (error instanceof NotFoundError) {
    return Response.json({ error: error.message } satisfies ApiErrorBody, { status: 404 });
  }
  if (error instanceof ConflictError) {
    return Response.json({ error: error.message } satisfies ApiErrorBody, { status: 409 });
  }
  if (error instanceof RateLimitError) {
    return Response.json({ error: error.message } satisfies ApiErrorBody, {
      status: 429,
      headers: { "retry-after": String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof ValidationError) {
    return Response.json({ error: error.message, issues: error.issues } satisfies ApiErrorBody, { status: 400 });
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return Response.json({ error: describeIssues(issues), issues } satisfies ApiErrorBody, { status: 400 });
  }
  if (error instanceof DOMException && error.name === "AbortError") {
    // The browser went away (a newer range replaced this request); nobody reads the answer.
    return Response.json({ error: "Request cancelled" } satisfies ApiErrorBody, { status: 499 });
  }
  console.error("Unhandled error in route handler", error);
  return Response.json({ error: "Internal error in the console; see its log for details." } satisfies ApiErrorBody, {
    status: 500,
  });
}

/** Validates a request's query string with a zod schema; a failure becomes a 400 naming the parameter. */
export function parseSearchParams<T>(request: Request, schema: ZodType<T>): T {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  throw new ValidationError(describeIssues(issues), issues);
}

function describeIssues(issues: Array<{ path: string; message: string }>): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; ");
}
