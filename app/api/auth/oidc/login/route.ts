import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { isHttps } from "@/lib/auth/current";
import { oidcSettings, startOidcSignIn } from "@/lib/auth/oidc";
import { oidcErrorMessage, OidcSignInError } from "@/lib/auth/oidc-errors";
import { oidcCallbackUrl, setStateCookie, signInErrorRedirect } from "@/lib/auth/oidc-redirects";
import { OIDC_STATE_TTL_SECONDS } from "@/lib/auth/oidc-state";
import { nextPath } from "@/lib/validations/auth";

/** GET /api/auth/oidc/login?next=/path: sends the browser to the identity provider to sign in. */
export const GET = apiRoute("/api/auth/oidc/login", async (request) => {
  const https = await isHttps();
  if (!oidcSettings()) return signInErrorRedirect("not_configured", oidcErrorMessage("not_configured", "single sign-on"), https);
  const next = nextPath.parse(new URL(request.url).searchParams.get("next") ?? undefined);
  try {
    const { authorizationUrl, stateCookie } = await startOidcSignIn(next, oidcCallbackUrl(request));
    const response = NextResponse.redirect(authorizationUrl, 303);
    response.headers.set("cache-control", "no-store");
    setStateCookie(response, stateCookie, https, OIDC_STATE_TTL_SECONDS);
    return response;
  } catch (error) {
    // A browser is waiting on this redirect: whatever went wrong, it goes back to the sign-in page.
    if (!(error instanceof OidcSignInError)) {
      console.error("OIDC sign-in could not start", error);
      return signInErrorRedirect("failed", oidcErrorMessage("failed", oidcSettings()?.displayName ?? "single sign-on"), https);
    }
    console.error(`OIDC sign-in could not start: ${error.reason}`);
    return signInErrorRedirect(error.code, error.message, https);
  }
});
