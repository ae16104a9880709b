import type { Metadata } from "next";
import { Suspense } from "react";
import { MonitoringHeader } from "@/components/monitoring/page-header";
import { TargetsView } from "@/components/monitoring/targets-view";
import { PanelLoading } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Scrape targets" };

export default function TargetsPage() {
  return (
    <>
      <MonitoringHeader title="Scrape targets" description="Is every target scraped? Health, last scrape, duration and the last error of each, by job." />
      <Suspense fallback={<PanelLoading label="Loading scrape targets" />}>
        <TargetsView />
      </Suspense>
    </>
  );
}
