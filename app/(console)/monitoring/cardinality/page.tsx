import type { Metadata } from "next";
import { Suspense } from "react";
import { CardinalityView } from "@/components/monitoring/cardinality-view";
import { MonitoringHeader } from "@/components/monitoring/page-header";
import { PanelLoading } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Cardinality" };

export default function CardinalityPage() {
  return (
    <>
      <MonitoringHeader title="Cardinality" description="Which metric blew up the series count? Top metrics, labels and pairs, churn, and labels that look like IDs." />
      <Suspense fallback={<PanelLoading label="Loading cardinality" />}>
        <CardinalityView />
      </Suspense>
    </>
  );
}
