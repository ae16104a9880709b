import type { Metadata } from "next";
import { Suspense } from "react";
import { AlertsView } from "@/components/alerts/alerts-view";
import { PanelLoading } from "@/components/ui/panel";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Alerts" };

/** Live alerts from every Alertmanager; the view (filters, grouping, the open alert) lives in the URL. */
export default async function AlertsPage() {
  const actor = await requireActor();
  return (
    <Suspense fallback={<PanelLoading label="Loading alerts" />}>
      <AlertsView canAcknowledge={roleAtLeast(actor.role, "responder")} />
    </Suspense>
  );
}
