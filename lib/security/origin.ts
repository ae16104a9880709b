/** Where the console's own origin was taken from; refusals name it so a person knows what to change. */
export type ConsoleOriginSource = "VIGIL_PUBLIC_URL" | "X-Forwarded-Host" | "Host";

export interface ConsoleOrigin {
  /** Scheme, host and port as a browser writes them in an Origin header, e.g. "https://vigil.example.com". */
  origin: string;
  source: ConsoleOriginSource;
}

export interface ConsoleOriginInput {
  /** VIGIL_PUBLIC_URL, when set. */
  publicUrl: string | undefined;
  host: string | null;
  forwardedHost: string | null;
  /** X-Forwarded-Proto, or the protocol the request reached this server over. */
  forwardedProto: string | null;
}

// A host name, IPv4 address or bracketed IPv6 address, with an optional port: nothing a URL parser
// would read as credentials, a path or a second host.
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin people reach the console at: VIGIL_PUBLIC_URL when set (a reverse proxy may rewrite
 * Host), else the first X-Forwarded-Host or the Host header with X-Forwarded-Proto's scheme.
 * Undefined when none of them is usable.
 */
export function resolveConsoleOrigin(input: ConsoleOriginInput): ConsoleOrigin | undefined {
  if (input.publicUrl) {
    const origin = parseOrigin(input.publicUrl);
    if (origin) return { origin, source: "VIGIL_PUBLIC_URL" };
  }
  const forwardedHost = firstListValue(input.forwardedHost);
  const ownHost = firstListValue(input.host);
  const host = forwardedHost ?? ownHost;
  if (!host || !HOST_PATTERN.test(host)) return undefined;
  const origin = parseOrigin(`${requestScheme(input.forwardedProto)}://${host}`);
  if (!origin) return undefined;
  // Next.js's server copies Host into X-Forwarded-Host when no proxy set it, so only a
  // different value shows that a proxy is there.
  const proxied = forwardedHost !== undefined && forwardedHost.toLowerCase() !== ownHost?.toLowerCase();
  return { origin, source: proxied ? "X-Forwarded-Host" : "Host" };
}

/**
 * True when browsers reach the console over https: the request came in over https (directly or
 * through a proxy that says so in X-Forwarded-Proto), or VIGIL_PUBLIC_URL is an https URL.
 */
export function servedOverHttps(input: Pick<ConsoleOriginInput, "publicUrl" | "forwardedProto">): boolean {
  return requestScheme(input.forwardedProto) === "https" || (input.publicUrl?.toLowerCase().startsWith("https://") ?? false);
}

/** The serialized origin of an http(s) URL ("https://host:port" with default ports dropped), else undefined. */
export function parseOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  return url.origin;
}

function requestScheme(forwardedProto: string | null): "http" | "https" {
  return firstListValue(forwardedProto)?.toLowerCase() === "https" ? "https" : "http";
}

/** A chain of proxies appends to X-Forwarded-*; the first value is the one the browser used. */
function firstListValue(header: string | null): string | undefined {
  const first = header?.split(",")[0]?.trim();
  return first ? first : undefined;
}
