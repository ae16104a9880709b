export type Upstream = "prometheus" | "alertmanager" | "postgres";

export type UpstreamErrorKind =
  | "timeout" // no answer within the configured timeout
  | "unreachable" // connection refused, DNS failure, reset
  | "http" // an HTTP error status without the API's error envelope
  | "api" // the API answered with its own error envelope
  | "invalid-response"; // a 2xx answer that does not parse as the API promises

export interface UpstreamErrorOptions {
  upstream: Upstream;
  instance: string;
  kind: UpstreamErrorKind;
  message: string;
  status?: number;
  /** Prometheus's errorType (bad_data, execution, timeout, ...) when the API gave one. */
  errorType?: string;
  cause?: unknown;
}

/** An upstream failure, with a message a person can act on and the upstream's own words kept. */
export class UpstreamError extends Error {
  readonly upstream: Upstream;
  readonly instance: string;
  readonly kind: UpstreamErrorKind;
  readonly status: number | undefined;
  readonly errorType: string | undefined;

  constructor(options: UpstreamErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = "UpstreamError";
    this.upstream = options.upstream;
    this.instance = options.instance;
    this.kind = options.kind;
    this.status = options.status;
    this.errorType = options.errorType;
  }

  /** The status our own API answers with when this error reaches a route handler. */
  get httpStatus(): number {
    if (this.kind === "timeout") return 504;
    if (this.kind === "unreachable") return 503;
    // A query the user wrote that Prometheus rejects is the user's to fix, not an outage.
    if (this.kind === "api" && (this.errorType === "bad_data" || this.status === 400 || this.status === 422)) {
      return 400;
    }
    return 502;
  }

  toJSON(): ApiErrorBody {
    return {
      error: this.message,
      upstream: this.upstream,
      instance: this.instance,
      kind: this.kind,
      ...(this.errorType ? { errorType: this.errorType } : {}),
    };
  }
}

/** The JSON body of every error our API returns. */
export interface ApiErrorBody {
  error: string;
  upstream?: Upstream;
  instance?: string;
  kind?: string;
  errorType?: string;
  issues?: Array<{ path: string; message: string }>;
}

/** Input a person sent that we refuse, with the field it concerns. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** No credentials, or credentials that no longer work: the answer is 401 and "sign in". */
export class AuthenticationError extends Error {
  constructor(message = "Sign in to use the console.") {
    super(message);
    this.name = "AuthenticationError";
  }
}

/** Signed in, but the role does not allow this: the answer is 403, naming the role needed. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The thing a request names does not exist: the answer is 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The request is well formed but conflicts with the current state (the last admin, a duplicate email): 409. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Too many attempts: the answer is 429 with when to try again. */
export class RateLimitError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitError";
  }
}
