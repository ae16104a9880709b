import type { Metadata } from "next";
import { Suspense } from "react";
import { CostPanels } from "@/components/cost/cost-panels";
import { PanelLoading } from "@/components/ui/panel";
import { RefreshPicker } from "@/components/ui/refresh-picker";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Cost" };

export default async function CostPage() {
  const actor = await requireActor();
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">Cost</h1>
        <Suspense fallback={null}>
          <RefreshPicker />
        </Suspense>
      </div>
      <Suspense fallback={<PanelLoading label="Loading costs" />}>
        <CostPanels canEdit={roleAtLeast(actor.role, "admin")} />
      </Suspense>
    </>
  );
}
