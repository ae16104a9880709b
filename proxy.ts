import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { preloadLinkHeader } from "@/lib/http/document-preloads";
import { checkCsrf, hasBearerToken } from "@/lib/security/csrf";
import { buildSecurityHeaders, NONCE_HEADER } from "@/lib/security/headers";
import { createNonce } from "@/lib/security/nonce";
import { servedOverHttps } from "@/lib/security/origin";

/**
 * Runs before every route (Node.js runtime, the default for proxy.ts since Next 16): refuses
 * cross-site state-changing API requests, puts a fresh CSP nonce and the security headers on
 * every response, and announces the data a page loads at once (lib/http/document-preloads.ts).
 *
 * Server Actions are not covered here: Next.js compares their Origin with Host/X-Forwarded-Host
 * itself (docs: 02-guides/server-actions.md "Security", config serverActions.allowedOrigins),
 * though it lets a request without any Origin through with a warning.
 */
export function proxy(request: NextRequest): NextResponse {
  const publicUrl = env().VIGIL_PUBLIC_URL;
  const forwardedProto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(/:$/, "");
  const nonce = createNonce();
  const securityHeaders = buildSecurityHeaders({
    nonce,
    development: process.env.NODE_ENV === "development",
    https: servedOverHttps({ publicUrl, forwardedProto }),
  });

  if (isApiPath(request.nextUrl.pathname)) {
    const csrf = checkCsrf({
      method: request.method,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
      host: request.headers.get("host"),
      forwardedHost: request.headers.get("x-forwarded-host"),
      forwardedProto,
      publicUrl,
      hasBearerToken: hasBearerToken(request.headers.get("authorization")),
    });
    if (!csrf.ok) return withHeaders(NextResponse.json({ error: csrf.reason }, { status: 403 }), securityHeaders);
  }

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts while
  // rendering; x-nonce is for our code. Both are overwritten so a client cannot choose them.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", securityHeaders["Content-Security-Policy"]);
  const response = withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), securityHeaders);
  const preload = preloadLinkHeader({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (preload) response.headers.set("link", preload);
  return response;
}

export const config = {
  // Hashed build assets need no nonce or policy of their own; everything else, pages, route
  // handlers, /metrics and prefetches included, gets the headers.
  matcher: ["/((?!_next/static|_next/image).*)"],
};

function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
