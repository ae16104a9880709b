import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { listQueryHistory, recordQuery } from "@/lib/data/query-history";
import { queryHistoryEntrySchema } from "@/lib/validations/explore";

export const dynamic = "force-dynamic";

/** GET /api/explore/history: the caller's Explore queries, newest first. */
export const GET = apiRoute("/api/explore/history", async (_request, { actor }) => {
  return Response.json({ entries: await listQueryHistory(signedIn(actor).userId) });
});

/** POST /api/explore/history: { expr } records a query the caller ran (the newest 100 are kept). */
export const POST = apiRoute("/api/explore/history", async (request, { actor }) => {
  const { expr } = await parseJsonBody(request, queryHistoryEntrySchema);
  return Response.json({ entry: await recordQuery(signedIn(actor), expr, requestAddress(request)) }, { status: 201 });
});
