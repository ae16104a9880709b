import type { Metadata } from "next";
import { Suspense } from "react";
import { MonitoringHeader } from "@/components/monitoring/page-header";
import { RulesView } from "@/components/monitoring/rules-view";
import { PanelLoading } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Rules" };

export default function RulesPage() {
  return (
    <>
      <MonitoringHeader title="Rules" description="Are the rules evaluating? Every group and rule, failing ones first, with the alerts each has active." />
      <Suspense fallback={<PanelLoading label="Loading rules" />}>
        <RulesView />
      </Suspense>
    </>
  );
}
