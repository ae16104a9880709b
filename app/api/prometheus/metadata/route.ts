import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { getPrometheus } from "@/lib/prometheus/client";
import { metadataLookupSchema } from "@/lib/validations/explore";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/metadata?metric=&limit=&source=: type, help and unit per metric (shown beside completions). */
export const GET = apiRoute("/api/prometheus/metadata", async (request) => {
  const { metric, limit, source } = parseSearchParams(request, metadataLookupSchema);
  const result = await getPrometheus(source).metadata({ metric, limit, signal: request.signal });
  return Response.json({ status: "success", data: result.data, warnings: result.warnings });
});
