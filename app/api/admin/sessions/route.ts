import { apiRoute } from "@/lib/api/handler";
import { requestSessionToken } from "@/lib/api/request-body";
import { listActiveSessions } from "@/lib/data/sessions";

/** GET /api/admin/sessions: every active session, with its person, address and browser. */
export const GET = apiRoute("/api/admin/sessions", async (request) => {
  return Response.json({ sessions: await listActiveSessions(requestSessionToken(request)) });
});
