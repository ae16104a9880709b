import type { Metadata } from "next";
import { Suspense } from "react";
import { ConsoleHealthView } from "@/components/monitoring/console-health-view";
import { MonitoringHeader } from "@/components/monitoring/page-header";
import { PanelLoading } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Console health" };

export default function ConsoleHealthPage() {
  return (
    <>
      <MonitoringHeader title="Console health" description="Is Vigil itself healthy? Its requests and errors by route, and how Prometheus, Alertmanager and Postgres answer it." />
      <Suspense fallback={<PanelLoading label="Loading console health" />}>
        <ConsoleHealthView />
      </Suspense>
    </>
  );
}
