"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { SILENCE_STATES, silenceFiltersToParams, type SilenceListFilters, type SilenceStateFilter } from "@/lib/validations/silences";

export interface SilenceFiltersProps {
  filters: SilenceListFilters;
}

const INPUT = "mt-1 w-full rounded border border-edge bg-surface px-2 py-1.5 text-sm text-white outline-none focus:border-info";

/** The silence list's filters; applying them changes the URL so a filtered list can be shared. */
export function SilenceFilters({ filters }: SilenceFiltersProps) {
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const states = SILENCE_STATES.filter((state) => form.get(`state-${state}`) === "on");
    const next: SilenceListFilters = {
      states: states.length > 0 ? states : filters.states,
      matchers: String(form.get("matchers") ?? ""),
      text: String(form.get("q") ?? ""),
      creator: String(form.get("creator") ?? ""),
    };
    const query = silenceFiltersToParams(next);
    router.push(query ? `/silences?${query}` : "/silences");
  }

  return (
    <form key={silenceFiltersToParams(filters)} onSubmit={submit} aria-label="Silence filters" className="grid gap-3 lg:grid-cols-[auto_2fr_1fr_1fr_auto] lg:items-end">
      <fieldset className="text-xs text-slate-400">
        <legend>State</legend>
        <div className="mt-1 flex gap-3 py-1.5">
          {SILENCE_STATES.map((state: SilenceStateFilter) => (
            <label key={state} className="flex items-center gap-1.5 text-sm text-slate-200">
              <input type="checkbox" name={`state-${state}`} defaultChecked={filters.states.includes(state)} />
              {state}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-xs text-slate-400">
        Matchers
        <input name="matchers" defaultValue={filters.matchers} placeholder='alertname="GpuMemoryHigh", service=~"inferno.*"' className={`${INPUT} font-mono`} />
      </label>
      <label className="block text-xs text-slate-400">
        Text
        <input name="q" defaultValue={filters.text} placeholder="comment, id, matcher" className={INPUT} />
      </label>
      <label className="block text-xs text-slate-400">
        Created by
        <input name="creator" defaultValue={filters.creator} className={INPUT} />
      </label>
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info">
          Apply
        </button>
        <Link href="/silences" className="rounded border border-edge px-3 py-1.5 text-sm text-slate-300 hover:text-white">
          Clear
        </Link>
      </div>
    </form>
  );
}
