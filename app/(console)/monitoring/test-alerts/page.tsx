import type { Metadata } from "next";
import { Suspense } from "react";
import { MonitoringHeader } from "@/components/monitoring/page-header";
import { TestAlertsView } from "@/components/monitoring/test-alerts-view";
import { PanelLoading } from "@/components/ui/panel";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Test alerts" };

export default async function TestAlertsPage() {
  const actor = await requireActor();
  return (
    <>
      <MonitoringHeader title="Test alerts" description="Does an alert reach anyone? Send one with chosen labels, see which receivers Alertmanager routed it to, then resolve it." />
      <Suspense fallback={<PanelLoading label="Loading test alerts" />}>
        <TestAlertsView canSend={roleAtLeast(actor.role, "responder")} />
      </Suspense>
    </>
  );
}
