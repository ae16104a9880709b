"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { REFRESH_OPTIONS, parseRefresh, refreshInterval, type RefreshOption } from "@/lib/refresh";

/** The auto-refresh option in the URL (?refresh=10s), so a shared link refreshes the same way. */
export function useRefresh(): { option: RefreshOption; interval: number | false; setOption: (option: RefreshOption) => void } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const option = parseRefresh(params.get("refresh"));
  const setOption = (next: RefreshOption) => {
    const updated = new URLSearchParams(params);
    updated.set("refresh", next);
    router.replace(`${pathname}?${updated.toString()}`, { scroll: false });
  };
  return { option, interval: refreshInterval(option), setOption };
}

export function RefreshPicker() {
  const { option, setOption } = useRefresh();
  return (
    <label className="flex items-center gap-2 text-xs text-slate-400">
      Auto-refresh
      <select
        value={option}
        onChange={(event) => setOption(parseRefresh(event.target.value))}
        className="rounded border border-edge bg-surface px-2 py-1 text-slate-200"
      >
        {REFRESH_OPTIONS.map((value) => (
          <option key={value} value={value}>
            {value === "off" ? "Off" : `Every ${value}`}
          </option>
        ))}
      </select>
    </label>
  );
}
