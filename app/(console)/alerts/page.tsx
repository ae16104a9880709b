import type { Metadata } from "next";
import { Suspense } from "react";
import { preload } from "react-dom";
import { AlertsView } from "@/components/alerts/alerts-view";
import { PanelLoading } from "@/components/ui/panel";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Alerts" };

/** Live alerts from every Alertmanager; the view (filters, grouping, the open alert) lives in the URL. */
export default async function AlertsPage() {
  const actor = await requireActor();
  // The list's request starts while the page's scripts load, not after hydration: alertsQuery's
  // first fetch is this very request (ALERTS_URL, no headers of its own), which the browser reuses.
  preload("/api/alerts", { as: "fetch", crossOrigin: "anonymous" });
  return (
    <Suspense fallback={<PanelLoading label="Loading alerts" />}>
      <AlertsView canAcknowledge={roleAtLeast(actor.role, "responder")} />
    </Suspense>
  );
}
