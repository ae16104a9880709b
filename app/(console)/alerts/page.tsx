import type { Metadata } from "next";
import { Suspense } from "react";
import { preload } from "react-dom";
import { AlertsView } from "@/components/alerts/alerts-view";
import { PanelLoading } from "@/components/ui/panel";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { ALERTS_URL } from "@/lib/http/document-preloads";

export const metadata: Metadata = { title: "Alerts" };

/** Live alerts from every Alertmanager; the view (filters, grouping, the open alert) lives in the URL. */
export default async function AlertsPage() {
  const actor = await requireActor();
  // The list's request starts before the page's scripts run: alertsQuery's first fetch is this very
  // request (no headers of its own), which the browser reuses. A document load has it from the
  // response's Link header already (proxy.ts); this hint covers client-side navigations.
  preload(ALERTS_URL, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <Suspense fallback={<PanelLoading label="Loading alerts" />}>
      <AlertsView canAcknowledge={roleAtLeast(actor.role, "responder")} />
    </Suspense>
  );
}
