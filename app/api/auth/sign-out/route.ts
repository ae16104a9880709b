import { apiRoute } from "@/lib/api/handler";
import { clientAddress } from "@/lib/auth/authenticate";
import { cookieReader, credentialsFrom } from "@/lib/auth/request-meta";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { revokeSession } from "@/lib/auth/sessions";
import { recordAuditNow } from "@/lib/data/audit";

/** POST /api/auth/sign-out: ends this browser's session and returns to the sign-in page. */
export const POST = apiRoute("/api/auth/sign-out", async (request, { actor }) => {
  const credentials = credentialsFrom(request.headers, cookieReader(request.headers.get("cookie")));
  if (credentials.sessionToken) await revokeSession(credentials.sessionToken);
  if (actor) {
    await recordAuditNow({ actor, action: "auth.sign_out", targetType: "user", targetId: actor.userId, address: clientAddress(credentials) });
  }
  const headers = new Headers({ location: "/sign-in" });
  headers.append("set-cookie", `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  return new Response(null, { status: 303, headers });
});
