import { apiRoute } from "@/lib/api/handler";
import { parseParam } from "@/lib/api/request-body";
import { listRevisions } from "@/lib/data/runbooks";
import { slugSchema } from "@/lib/validations/runbooks";

interface Params {
  params: Promise<{ slug: string }>;
}

/** GET /api/runbooks/[slug]/revisions: every saved version, newest first (without bodies). */
export const GET = apiRoute<Params>("/api/runbooks/[slug]/revisions", async (_request, { context }) => {
  const slug = parseParam("slug", (await context.params).slug, slugSchema);
  return Response.json({ revisions: await listRevisions(slug) });
});
