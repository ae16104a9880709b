import { SESSION_COOKIE } from "./session-cookie";
import type { RequestCredentials } from "./actor";

/**
 * The header server.js sets from the socket. It overwrites whatever a client sent, so unlike
 * X-Forwarded-For (which Next.js only fills when absent) it cannot be forged.
 */
export const PEER_HEADER = "x-vigil-peer";

/** Reads credentials from a request's headers (route handlers and Server Actions alike). */
export function credentialsFrom(headers: Headers, cookie: (name: string) => string | undefined): RequestCredentials {
  return {
    authorization: headers.get("authorization"),
    sessionToken: cookie(SESSION_COOKIE),
    peerAddress: headers.get(PEER_HEADER),
    forwardedUser: headers.get("x-forwarded-user"),
    forwardedEmail: headers.get("x-forwarded-email"),
    forwardedGroups: headers.get("x-forwarded-groups"),
    forwardedFor: headers.get("x-forwarded-for"),
    userAgent: headers.get("user-agent"),
  };
}

/** A cookie reader over a raw Cookie header, for route handlers given a plain Request. */
export function cookieReader(header: string | null): (name: string) => string | undefined {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), safeDecode(part.slice(index + 1).trim()));
  }
  return (name) => cookies.get(name);
}

/** A malformed %-escape in a cookie is the client's problem; it must not become a 500. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
