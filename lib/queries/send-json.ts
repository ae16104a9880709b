import type { ZodType } from "zod";
import type { ApiErrorBody } from "@/lib/errors";
import { ApiError, fetchJson } from "./fetch-json";

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === "object" && value !== null && "error" in value && typeof value.error === "string";
}

/**
 * Sends a write (POST, PUT, PATCH, DELETE) to one of the console's own API routes and parses the
 * answer with `schema`. A refusal throws an ApiError carrying the server's message and, for a
 * 400, the `issues` a form shows by field.
 */
export async function sendJson<T>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body: unknown, schema: ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("The console's server did not answer. Is it running?", 0, undefined);
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = isErrorBody(answer) ? answer.error : `The console answered ${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status, isErrorBody(answer) ? answer : undefined);
  }
  return schema.parse(answer);
}

/** GETs one of the console's own API routes and parses the answer with `schema`. */
export async function getJson<T>(url: string, schema: ZodType<T>, signal?: AbortSignal): Promise<T> {
  return schema.parse(await fetchJson<unknown>(url, signal));
}

/** The field errors of a refused write, keyed by field path ("form" for the body as a whole). */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError) || !error.body?.issues?.length) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of error.body.issues) (errors[issue.path || "form"] ??= []).push(issue.message);
  return errors;
}
