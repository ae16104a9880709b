import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { listStoredSlos } from "@/lib/data/slo-definitions";
import { DEFAULT_SOURCE } from "@/lib/prometheus/client";
import { sloRulesYaml } from "@/lib/slo/rules";
import { sloRulesQuerySchema } from "@/lib/validations/slos";

/**
 * GET /api/slos/rules?datasource=name: recording and burn-rate alerting rules (YAML, the form
 * `vigil slo rules` prints for files) for the SLOs stored in the console that read that source
 * (default: PROMETHEUS_URL). A job can fetch it into Prometheus's rule_files with an API token.
 */
export const GET = apiRoute("/api/slos/rules", async (request) => {
  const { datasource } = parseSearchParams(request, sloRulesQuerySchema);
  const stored = await listStoredSlos();
  const slos = stored.slos.map((entry) => entry.slo).filter((slo) => (slo.datasource ?? DEFAULT_SOURCE) === (datasource ?? DEFAULT_SOURCE));
  const yaml = sloRulesYaml(slos, "(the SLOs stored in the console)").replace("from the SLO files", "from the SLOs stored in the console");
  return new Response(yaml, { headers: { "content-type": "application/yaml; charset=utf-8" } });
});
