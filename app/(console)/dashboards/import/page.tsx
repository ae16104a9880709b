import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { GrafanaImport } from "@/components/dashboards/import/grafana-import";
import { Forbidden } from "@/components/ui/forbidden";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Import a Grafana dashboard" };

export default async function ImportDashboardPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "editor")) return <Forbidden what="import dashboards" role={actor.role} required="editor" />;
  return (
    <>
      <div className="mb-4 flex items-baseline justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">Import a Grafana dashboard</h1>
        <Link href="/dashboards" prefetch={false} className="text-sm text-info hover:underline">
          All dashboards
        </Link>
      </div>
      <p className="mb-4 max-w-3xl text-sm text-slate-400">
        Vigil converts Grafana&apos;s dashboard JSON (schemaVersion 16 and later): graph, time series, stat, singlestat, gauge, bar gauge, table,
        heatmap and text panels, rows, and query, custom, interval, constant, text box and data source variables. A panel it cannot convert stays on
        the dashboard, showing what it was and its queries. The same import runs from the command line:{" "}
        <code className="font-mono text-slate-300">npx vigil dashboards import file.json</code>.
      </p>
      <GrafanaImport />
    </>
  );
}
