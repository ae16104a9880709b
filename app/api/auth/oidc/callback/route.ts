import { apiRoute } from "@/lib/api/handler";
import { clientAddress } from "@/lib/auth/authenticate";
import { isHttps } from "@/lib/auth/current";
import { finishOidcSignIn } from "@/lib/auth/oidc";
import { redirectTo, setStateCookie, signInErrorRedirect } from "@/lib/auth/oidc-redirects";
import { OIDC_STATE_COOKIE } from "@/lib/auth/oidc-state";
import { cookieReader, credentialsFrom } from "@/lib/auth/request-meta";
import { sessionCookieOptions, SESSION_COOKIE } from "@/lib/auth/session-cookie";

/**
 * GET /api/auth/oidc/callback: where the identity provider sends the browser back. Signs the
 * person in and goes on to where they were headed, or back to /sign-in?error=<code>.
 */
export const GET = apiRoute("/api/auth/oidc/callback", async (request) => {
  const https = await isHttps();
  const cookies = cookieReader(request.headers.get("cookie"));
  const credentials = credentialsFrom(request.headers, cookies);
  const result = await finishOidcSignIn(new URL(request.url), cookies(OIDC_STATE_COOKIE), {
    address: clientAddress(credentials),
    userAgent: credentials.userAgent ?? null,
  });
  const response = result.ok ? redirectTo(result.next) : await signInErrorRedirect(result.code, result.message, https);
  if (result.ok) response.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt, https));
  // One state per sign-in: it cannot be replayed, whatever the outcome.
  setStateCookie(response, "", https, 0);
  return response;
});
