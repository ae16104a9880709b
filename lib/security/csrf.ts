import { parseOrigin, resolveConsoleOrigin, type ConsoleOrigin } from "./origin";

/** What the CSRF check needs from a request, as plain values so it stays a pure function. */
export interface CsrfCheckInput {
  method: string;
  /** The Origin header. */
  origin: string | null;
  /** The Sec-Fetch-Site header. */
  secFetchSite: string | null;
  host: string | null;
  forwardedHost: string | null;
  /** X-Forwarded-Proto, or the protocol the request reached this server over. */
  forwardedProto: string | null;
  /** VIGIL_PUBLIC_URL, when set. */
  publicUrl: string | undefined;
  /** The request carries `Authorization: Bearer …` (see {@link hasBearerToken}). */
  hasBearerToken: boolean;
}

export type CsrfResult = { ok: true } | { ok: false; reason: string };

/** Every refusal starts with this, so a client (or a test) can tell it from an auth failure. */
export const CSRF_REFUSAL = "Cross-site request refused";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ALLOWED: CsrfResult = { ok: true };

/** True for methods that may change state; anything not known to be safe counts. */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * True when an Authorization header carries a bearer token (an API token, not an ambient
 * credential). The same pattern as lib/auth/authenticate.ts: a header this lets past the check
 * must be one that authenticates by the token alone, never falling back to the session cookie.
 */
export function hasBearerToken(authorization: string | null): boolean {
  return authorization !== null && /^Bearer\s+\S+$/i.test(authorization);
}

/**
 * Decides whether a request may change state. A browser attaches the session cookie to any
 * request, including one a hostile page makes it send, so a cookie alone proves nothing: the
 * request must show it came from the console's own pages. Rules, in order:
 * 1. GET, HEAD and OPTIONS pass (they must not change state).
 * 2. A bearer token passes: a browser never adds one by itself, and a cross-site page cannot set
 *    Authorization without a CORS preflight, which the console never grants.
 * 3. An Origin header must equal the console's origin (VIGIL_PUBLIC_URL, else Host or
 *    X-Forwarded-Host with X-Forwarded-Proto).
 * 4. Without a usable Origin, `Sec-Fetch-Site: same-origin` passes and any other value is refused.
 *    "null" counts as no Origin: browsers send it from sandboxed frames and after cross-site
 *    redirects, but also for same-origin requests under a no-referrer policy.
 * 5. Neither header: refused, since nothing shows the request is not forged.
 */
export function checkCsrf(input: CsrfCheckInput): CsrfResult {
  if (!isStateChanging(input.method)) return ALLOWED;
  if (input.hasBearerToken) return ALLOWED;

  const method = input.method.toUpperCase();
  const origin = input.origin?.trim() ?? "";
  if (origin !== "" && origin !== "null") {
    const own = resolveConsoleOrigin(input);
    if (!own) {
      return refuse(
        "this console cannot tell its own origin (no usable Host header) to compare the Origin header with; set VIGIL_PUBLIC_URL to the address people use",
      );
    }
    const theirs = parseOrigin(origin);
    if (theirs === own.origin) return ALLOWED;
    return refuse(`Origin ${origin} does not match ${own.origin}${explain(own)}`);
  }

  const site = input.secFetchSite?.trim().toLowerCase() ?? "";
  if (site === "same-origin") return ALLOWED;
  const originState = origin === "null" ? "Origin null" : "no Origin header";
  if (site !== "") {
    return refuse(`the browser sent this ${method} from another site (Sec-Fetch-Site: ${site}, ${originState})`);
  }
  const headers = origin === "null" ? "Origin null and no Sec-Fetch-Site header" : "neither an Origin nor a Sec-Fetch-Site header";
  return refuse(
    `a ${method} with ${headers} cannot be told apart from a forged one; send it from the console in a browser, or authenticate a script with an "Authorization: Bearer <API token>" header`,
  );
}

function refuse(detail: string): CsrfResult {
  return { ok: false, reason: `${CSRF_REFUSAL}: ${detail}` };
}

/** Tells the person who misconfigured a proxy (not the attacker) what to change. */
function explain(own: ConsoleOrigin): string {
  if (own.source === "VIGIL_PUBLIC_URL") {
    return ` (VIGIL_PUBLIC_URL). Open the console at ${own.origin}, or set VIGIL_PUBLIC_URL to the address you use.`;
  }
  return ` (from the ${own.source} header). Behind a reverse proxy, set VIGIL_PUBLIC_URL to the address people use, or have the proxy send X-Forwarded-Host and X-Forwarded-Proto.`;
}
