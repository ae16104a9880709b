import { Suspense } from "react";
import { BuiltinDashboardLinks } from "@/components/dashboards/builtin-dashboard-links";
import { OverviewPanels } from "@/components/overview/overview-panels";
import { PanelLoading } from "@/components/ui/panel";
import { RefreshPicker } from "@/components/ui/refresh-picker";

export default function OverviewPage() {
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">Overview</h1>
        <Suspense fallback={null}>
          <RefreshPicker />
        </Suspense>
      </div>
      <Suspense fallback={<PanelLoading label="Loading the overview" />}>
        <OverviewPanels />
      </Suspense>
      <Suspense fallback={null}>
        <BuiltinDashboardLinks />
      </Suspense>
    </>
  );
}
