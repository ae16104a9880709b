import type { Metadata } from "next";
import { Suspense } from "react";
import { MonitoringHeader } from "@/components/monitoring/page-header";
import { RoutingView } from "@/components/monitoring/routing-view";
import { PanelLoading } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Alert routing" };

export default function RoutingPage() {
  return (
    <>
      <MonitoringHeader title="Alert routing" description="Why did an alert not reach anyone? Each Alertmanager's routing tree, a route tester and the inhibition rules." />
      <Suspense fallback={<PanelLoading label="Loading routing" />}>
        <RoutingView />
      </Suspense>
    </>
  );
}
