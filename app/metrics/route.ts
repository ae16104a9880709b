import { consoleMetrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

/** GET /metrics: the console's own metrics in the Prometheus text format. */
export async function GET(): Promise<Response> {
  const { registry } = consoleMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
