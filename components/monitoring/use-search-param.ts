"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** One query-string parameter as state: filters and selections people share by URL. */
export function useSearchParam(name: string): [string, (value: string | undefined) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const value = params.get(name) ?? "";
  const setValue = useCallback(
    (next: string | undefined) => {
      const updated = new URLSearchParams(window.location.search);
      if (next === undefined || next === "") updated.delete(name);
      else updated.set(name, next);
      const query = updated.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [name, pathname, router],
  );
  return [value, setValue];
}
