import "server-only";
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { resolveConsoleOrigin } from "@/lib/security/origin";
import { oidcSettings } from "./oidc";
import type { OidcErrorCode } from "./oidc-errors";
import {
  OIDC_NOTICE_COOKIE,
  OIDC_NOTICE_COOKIE_PATH,
  OIDC_NOTICE_TTL_SECONDS,
  OIDC_STATE_COOKIE,
  OIDC_STATE_COOKIE_PATH,
  sealNotice,
} from "./oidc-state";

/**
 * Where the provider sends people back: under VIGIL_PUBLIC_URL, else under the origin the browser
 * used (Host or X-Forwarded-Host, as the CSRF check reads it). Not request.url: Next.js builds
 * that from the address the server listens on, which is not what the browser sees. A forged Host
 * only yields a redirect URI the provider has not registered.
 */
export function oidcCallbackUrl(request: Request): string {
  const publicUrl = env().VIGIL_PUBLIC_URL;
  const base =
    publicUrl ??
    resolveConsoleOrigin({
      publicUrl: undefined,
      host: request.headers.get("host"),
      forwardedHost: request.headers.get("x-forwarded-host"),
      forwardedProto: request.headers.get("x-forwarded-proto"),
    })?.origin ??
    new URL(request.url).origin;
  return `${base}/api/auth/oidc/callback`;
}

/** A 303 to a path on this site (relative, so it stays under whatever prefix the console is served at). */
export function redirectTo(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}

/**
 * Back to the sign-in page with `?error=<code>`; the exact message (which groups, what the
 * provider said) goes along in a sealed cookie only the sign-in page reads, so the URL cannot
 * be made to show arbitrary text.
 */
export async function signInErrorRedirect(code: OidcErrorCode, message: string, https: boolean): Promise<NextResponse> {
  const response = redirectTo(`/sign-in?error=${code}`);
  const secret = oidcSettings()?.clientSecret;
  if (secret) {
    response.cookies.set(OIDC_NOTICE_COOKIE, await sealNotice({ code, message }, secret), {
      httpOnly: true,
      sameSite: "lax",
      secure: https,
      path: OIDC_NOTICE_COOKIE_PATH,
      maxAge: OIDC_NOTICE_TTL_SECONDS,
    });
  }
  return response;
}

/** Sets (or, with an empty value, removes) the cookie that holds a sign-in in progress. */
export function setStateCookie(response: NextResponse, value: string, https: boolean, maxAge: number): void {
  response.cookies.set(OIDC_STATE_COOKIE, value, { httpOnly: true, sameSite: "lax", secure: https, path: OIDC_STATE_COOKIE_PATH, maxAge });
}
