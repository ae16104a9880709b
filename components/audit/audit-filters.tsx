"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useSyncExternalStore, type FormEvent } from "react";
import { fromLocalInput, toLocalInput } from "@/lib/audit/local-time";
import { filterQueryString, type AuditFilterParams } from "@/lib/validations/audit";

export interface AuditFiltersProps {
  filters: AuditFilterParams;
  /** Kept in the URL when it is not the default, so paging stays as the link had it. */
  pageSize?: number;
}

const INPUT = "w-full rounded border border-edge bg-surface px-2 py-1.5 text-sm text-white outline-none focus:border-info";

interface FieldProps {
  label: string;
  name: string;
  defaultValue?: string;
  placeholder?: string;
  type?: "text" | "datetime-local";
}

function Field({ label, name, defaultValue, placeholder, type = "text" }: FieldProps) {
  return (
    <label className="block text-xs text-slate-400">
      {label}
      <input name={name} type={type} defaultValue={defaultValue} placeholder={placeholder} className={`mt-1 ${INPUT}`} />
    </label>
  );
}

/** The audit log's filters; applying them changes the URL, so a filtered view can be shared. */
const noSubscription = () => () => undefined;

export function AuditFilters({ filters, pageSize }: AuditFiltersProps) {
  const router = useRouter();
  // The time fields show local time, which the server cannot know: they are filled in the browser only.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const next: AuditFilterParams = {
      actor: text("actor"),
      action: text("action"),
      targetType: text("targetType"),
      targetId: text("targetId"),
      from: fromLocalInput(String(form.get("from") ?? "")),
      to: fromLocalInput(String(form.get("to") ?? "")),
    };
    const query = filterQueryString(next, pageSize ? { limit: String(pageSize) } : {});
    router.push(query ? `/audit?${query}` : "/audit");
  }

  return (
    // Keyed by the filters so Back and Forward refill the fields from the URL.
    <form key={`${filterQueryString(filters)}|${inBrowser}`} onSubmit={submit} aria-label="Audit log filters" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(6,1fr)_auto] lg:items-end">
      <Field label="Actor (name or id)" name="actor" defaultValue={filters.actor} placeholder="Demo Admin" />
      <Field label="Action (exact, or a prefix ending in .)" name="action" defaultValue={filters.action} placeholder="user." />
      <Field label="Target type" name="targetType" defaultValue={filters.targetType} placeholder="user" />
      <Field label="Target id" name="targetId" defaultValue={filters.targetId} />
      <Field label="From" name="from" type="datetime-local" defaultValue={inBrowser ? toLocalInput(filters.from) : ""} />
      <Field label="Until" name="to" type="datetime-local" defaultValue={inBrowser ? toLocalInput(filters.to) : ""} />
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info">
          Apply
        </button>
        <Link href="/audit" className="rounded border border-edge px-3 py-1.5 text-sm text-slate-300 hover:text-white">
          Clear
        </Link>
      </div>
    </form>
  );
}
