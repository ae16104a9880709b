import type { Metadata } from "next";
import { Suspense } from "react";
import { GpuFleet, GpuRangePicker } from "@/components/gpu/gpu-fleet";
import { PanelLoading } from "@/components/ui/panel";
import { RefreshPicker } from "@/components/ui/refresh-picker";
import { requireActor } from "@/lib/auth/current";

export const metadata: Metadata = { title: "GPUs" };

export default async function GpusPage() {
  await requireActor();
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">GPU fleet</h1>
        <Suspense fallback={null}>
          <div className="flex items-center gap-4">
            <GpuRangePicker />
            <RefreshPicker />
          </div>
        </Suspense>
      </div>
      <Suspense fallback={<PanelLoading label="Loading the GPU fleet" />}>
        <GpuFleet />
      </Suspense>
    </>
  );
}
