import type { Metadata } from "next";
import { DashboardList } from "@/components/dashboards/dashboard-list";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { listDashboards } from "@/lib/data/dashboards";
import { loadProvisionedDashboards } from "@/lib/dashboards/files";

export const metadata: Metadata = { title: "Dashboards" };
export const dynamic = "force-dynamic";

export default async function DashboardsPage() {
  const actor = await requireActor();
  const [dashboards, files] = await Promise.all([listDashboards(), loadProvisionedDashboards()]);
  const broken = files.flatMap((file) => (file.ok ? [] : [{ file: file.file, error: file.error }]));
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">Dashboards</h1>
      <DashboardList dashboards={dashboards} canEdit={roleAtLeast(actor.role, "editor")} broken={broken} />
    </>
  );
}
