import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { getDashboard } from "@/lib/data/dashboards";
import { scrapeIntervalOrDefault } from "@/lib/data/prometheus-labels";
import { dashboardUidSchema } from "@/lib/dashboards/schema";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

interface DashboardPageProps {
  params: Promise<{ uid: string }>;
}

async function load(uid: string) {
  if (!dashboardUidSchema.safeParse(uid).success) notFound();
  try {
    return await getDashboard(uid);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: DashboardPageProps): Promise<Metadata> {
  const { uid } = await params;
  const stored = await load(uid);
  return { title: stored.dashboard.title };
}

export default async function DashboardPage({ params }: DashboardPageProps) {
  const actor = await requireActor();
  const { uid } = await params;
  const stored = await load(uid);
  // The step's floor follows the dashboard's own source when it names one (a variable's choice is not known here).
  const datasource = stored.dashboard.datasource;
  const scrapeIntervalSeconds = await scrapeIntervalOrDefault(datasource && !datasource.includes("$") && !datasource.includes("[") ? datasource : undefined);
  // A key per dashboard and version: navigating between dashboards or after a save starts from the saved state.
  return <DashboardView key={`${uid}:${stored.version ?? "file"}`} stored={stored} canEdit={roleAtLeast(actor.role, "editor")} scrapeIntervalSeconds={scrapeIntervalSeconds} />;
}
