import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { auditCsvStream } from "@/lib/data/audit-log";
import { auditFilterSchema } from "@/lib/validations/audit";

/** GET /api/audit/export.csv: every event the filters of GET /api/audit select, as a CSV download. */
export const GET = apiRoute("/api/audit/export.csv", async (request) => {
  const filters = parseSearchParams(request, auditFilterSchema);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(auditCsvStream(filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="vigil-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
