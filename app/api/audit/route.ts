import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { listAuditEvents } from "@/lib/data/audit-log";
import { auditFilterSchema } from "@/lib/validations/audit";

/**
 * GET /api/audit?actor=&action=&targetType=&targetId=&from=&to=&cursor=&limit=: audit events,
 * newest first; `nextCursor` in the answer fetches the next page.
 */
export const GET = apiRoute("/api/audit", async (request) => {
  return Response.json(await listAuditEvents(parseSearchParams(request, auditFilterSchema)));
});
