import { Suspense, type ReactNode } from "react";
import { RefreshPicker } from "@/components/ui/refresh-picker";

export interface MonitoringHeaderProps {
  title: string;
  description: string;
  /** Pages that read live data offer auto-refresh. */
  refresh?: boolean;
  children?: ReactNode;
}

export function MonitoringHeader({ title, description, refresh = true, children }: MonitoringHeaderProps) {
  return (
    <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
      <div>
        <h1 className="text-lg font-semibold text-white">{title}</h1>
        <p className="text-sm text-slate-400">{description}</p>
      </div>
      <div className="flex items-center gap-3">
        {children}
        {refresh ? (
          <Suspense fallback={null}>
            <RefreshPicker />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
