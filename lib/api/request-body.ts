import "server-only";
import type { ZodType } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/authenticate";
import { cookieReader, credentialsFrom } from "@/lib/auth/request-meta";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { resolveConsoleOrigin } from "@/lib/security/origin";

/** The largest request body a JSON route reads; every form and API body is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

function refuse(message: string): never {
  throw new ValidationError(message, [{ path: "", message }]);
}

/** The body as text, refused as soon as it passes MAX_BODY_BYTES (never buffered whole) or is not UTF-8. */
async function readText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) refuse(`The request body is larger than ${maxBytes / 1024} KiB.`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      refuse(`The request body is larger than ${maxBytes / 1024} KiB.`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return refuse("The request body is not valid UTF-8 text.");
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return refuse(`The request body is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/**
 * Reads a JSON body and validates it. Invalid JSON, an empty body and a body too large are 400s
 * naming the problem; a schema failure throws the ZodError, which apiRoute answers with a 400
 * listing each field's issue. `maxBytes` raises the limit for the few routes that take files (dashboard import).
 */
export async function parseJsonBody<T>(request: Request, schema: ZodType<T>, options: { maxBytes?: number } = {}): Promise<T> {
  const text = await readText(request, options.maxBytes);
  if (text.trim() === "") refuse("The request has no body: send a JSON object.");
  return schema.parse(parseJson(text));
}

/** For routes that act on the resource in their path: no body, or one that validates against `schema` (an empty object). */
export async function parseOptionalBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const text = await readText(request);
  return schema.parse(text.trim() === "" ? {} : parseJson(text));
}

/** Validates one path parameter; a failure is a 400 naming it. */
export function parseParam<T>(name: string, value: unknown, schema: ZodType<T>): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? `${name} is not valid.`;
  throw new ValidationError(`${name}: ${message}`, [{ path: name, message }]);
}

/** Where the request came from, as the audit log records it. */
export function requestAddress(request: Request): string | null {
  return clientAddress(credentialsFrom(request.headers, cookieReader(request.headers.get("cookie"))));
}

/** The session token in the request's cookie, if any (its SHA-256 is the session's id). */
export function requestSessionToken(request: Request): string | undefined {
  return cookieReader(request.headers.get("cookie"))(SESSION_COOKIE);
}

/**
 * The address people reach the console at, for links it hands out: VIGIL_PUBLIC_URL, else the
 * origin the request was sent to (as the CSRF check works it out), else the request's URL.
 */
export function consoleBaseUrl(request: Request): string {
  const own = resolveConsoleOrigin({
    publicUrl: env().VIGIL_PUBLIC_URL,
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    forwardedProto: request.headers.get("x-forwarded-proto"),
  });
  return own?.origin ?? new URL(request.url).origin;
}

/** The caller of a route whose policy requires a role; apiRoute has already refused anyone else. */
export function signedIn(actor: Actor | undefined): Actor {
  if (!actor) throw new Error("apiRoute let an anonymous caller through to a route that needs a role; check ROUTE_POLICY");
  return actor;
}
