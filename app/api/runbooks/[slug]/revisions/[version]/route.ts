import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { parseParam } from "@/lib/api/request-body";
import { getRevision } from "@/lib/data/runbooks";
import { slugSchema } from "@/lib/validations/runbooks";

interface Params {
  params: Promise<{ slug: string; version: string }>;
}

const versionParam = z.string().regex(/^[1-9][0-9]{0,8}$/, "must be a revision number, like 3.").transform(Number);

/** GET /api/runbooks/[slug]/revisions/[version]: one saved version, whole. */
export const GET = apiRoute<Params>("/api/runbooks/[slug]/revisions/[version]", async (_request, { context }) => {
  const params = await context.params;
  const slug = parseParam("slug", params.slug, slugSchema);
  const version = parseParam("version", params.version, versionParam);
  return Response.json({ revision: await getRevision(slug, version) });
});
