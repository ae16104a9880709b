"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useState, type FormEvent } from "react";
import { FormMessage } from "@/components/auth/form-fields";
import { Panel, PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { deleteMaintenanceWindow, maintenanceWindowsQuery, saveMaintenanceWindow, silenceKeys } from "@/lib/queries/silences";
import { parseDuration } from "@/lib/silences/duration";
import { describeSchedule, WEEKDAYS } from "@/lib/silences/schedule";
import { maintenanceWindowBodySchema, toAlertmanagerMatcher, type MaintenanceWindowView } from "@/lib/validations/silences";
import { MatcherChips } from "./matcher-chips";
import { MatcherEditor, newMatcherRow, type MatcherRow } from "./matcher-editor";

export interface MaintenanceWindowsProps {
  canWrite: boolean;
}

const INPUT = "mt-1 w-full rounded border bg-surface px-2 py-1.5 text-sm text-white outline-none focus:border-info";

function FieldErrors({ errors }: { errors?: string[] }) {
  return errors?.length ? (
    <p role="alert" className="mt-1 text-xs text-rose-300">
      {errors.join(" ")}
    </p>
  ) : null;
}

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function WindowForm({ window, onDone }: { window?: MaintenanceWindowView; onDone: () => void }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<"weekly" | "cron">(window?.schedule.kind ?? "weekly");
  const [days, setDays] = useState<number[]>(window?.schedule.kind === "weekly" ? window.schedule.days : [6]);
  const [rows, setRows] = useState<MatcherRow[]>(() => (window?.matchers ?? [{ name: "alertname", operator: "=" as const, value: "" }]).map((row) => newMatcherRow(row)));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof saveMaintenanceWindow>[1]) => saveMaintenanceWindow(window?.id, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: silenceKeys.all });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const durationMs = parseDuration(text("duration"));
    const candidate = {
      name: text("name"),
      schedule: kind === "weekly" ? { kind, days, time: text("time") } : { kind, expression: text("expression") },
      durationMinutes: durationMs === undefined ? Number.NaN : durationMs / 60_000,
      timezone: text("timezone"),
      matchers: rows.map(({ name, operator, value }) => ({ name, operator, value })),
      comment: text("comment"),
      enabled: form.get("enabled") === "on",
    };
    const parsed = maintenanceWindowBodySchema.safeParse(candidate);
    if (!parsed.success) {
      const next: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path[0] === "durationMinutes" ? "duration" : issue.path.join(".") || "form";
        (next[path] ??= []).push(durationMs === undefined && path === "duration" ? "Write a duration such as 90m, 2h or 1d." : issue.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  const minutes = window?.durationMinutes ?? 120;
  return (
    <form onSubmit={submit} noValidate aria-label={window ? `Edit window ${window.name}` : "New maintenance window"} className="space-y-3 rounded border border-edge p-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-xs text-slate-400">
          Name
          <input name="name" defaultValue={window?.name} className={`${INPUT} border-edge`} />
          <FieldErrors errors={errors.name} />
        </label>
        <label className="block text-xs text-slate-400">
          Time zone
          <input name="timezone" defaultValue={window?.timezone ?? browserZone()} className={`${INPUT} border-edge`} />
          <FieldErrors errors={errors.timezone} />
        </label>
      </div>
      <fieldset>
        <legend className="text-xs text-slate-400">Schedule</legend>
        <div className="mt-1 flex gap-4 text-sm text-slate-200">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="kind" checked={kind === "weekly"} onChange={() => setKind("weekly")} /> Weekly
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="kind" checked={kind === "cron"} onChange={() => setKind("cron")} /> Cron
          </label>
        </div>
        {kind === "weekly" ? (
          <div className="mt-2 flex flex-wrap items-end gap-3">
            <div className="flex flex-wrap gap-2">
              {WEEKDAYS.map((day, index) => (
                <label key={day} className="flex items-center gap-1 text-xs text-slate-200">
                  <input type="checkbox" checked={days.includes(index)} onChange={(event) => setDays(event.target.checked ? [...days, index] : days.filter((other) => other !== index))} />
                  {day.slice(0, 3)}
                </label>
              ))}
            </div>
            <label className="block text-xs text-slate-400">
              Start time
              <input name="time" type="time" defaultValue={window?.schedule.kind === "weekly" ? window.schedule.time : "02:00"} className={`${INPUT} border-edge`} />
            </label>
          </div>
        ) : (
          <label className="mt-2 block text-xs text-slate-400">
            Cron expression (minute hour day month weekday)
            <input name="expression" defaultValue={window?.schedule.kind === "cron" ? window.schedule.expression : "0 2 * * 6"} className={`${INPUT} border-edge font-mono`} />
          </label>
        )}
        <FieldErrors errors={[...(errors["schedule.days"] ?? []), ...(errors["schedule.time"] ?? []), ...(errors["schedule.expression"] ?? []), ...(errors.schedule ?? [])]} />
      </fieldset>
      <label className="block text-xs text-slate-400">
        Duration
        <input name="duration" defaultValue={`${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}h` : ""}${minutes % 60 ? `${minutes % 60}m` : ""}`} placeholder="2h" className={`${INPUT} border-edge`} />
        <FieldErrors errors={errors.duration} />
      </label>
      <MatcherEditor rows={rows} onChange={setRows} errors={errors} />
      <label className="block text-xs text-slate-400">
        Comment (becomes the silences&apos; comment)
        <textarea name="comment" rows={2} defaultValue={window?.comment} className={`${INPUT} border-edge`} />
        <FieldErrors errors={errors.comment} />
      </label>
      <label className="flex items-center gap-1.5 text-sm text-slate-200">
        <input type="checkbox" name="enabled" defaultChecked={window?.enabled ?? true} /> Enabled
      </label>
      {mutation.isError ? <FormMessage message={mutation.error.message} /> : null}
      {errors.form?.length ? <FormMessage message={errors.form.join(" ")} /> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={mutation.isPending} className="rounded bg-info/90 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60">
          {mutation.isPending ? "Saving…" : window ? "Save window" : "Create window"}
        </button>
        <button type="button" onClick={onDone} className="rounded border border-edge px-3 py-1.5 text-sm text-slate-300">
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteWindow({ window }: { window: MaintenanceWindowView }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteMaintenanceWindow(window.id),
    onSuccess: () => client.invalidateQueries({ queryKey: silenceKeys.all }),
  });
  if (mutation.isError) return <p role="alert" className="text-xs text-rose-300">{mutation.error.message}</p>;
  return confirming ? (
    <span className="flex gap-1">
      <button type="button" onClick={() => mutation.mutate()} disabled={mutation.isPending} className="rounded bg-critical/80 px-2 py-0.5 text-xs text-white">
        Delete now
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-300">
        Cancel
      </button>
    </span>
  ) : (
    <button type="button" onClick={() => setConfirming(true)} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-200 hover:text-white">
      Delete
    </button>
  );
}

/** Recurring maintenance windows: their schedule, matchers, next occurrences and the silences made for them. */
export function MaintenanceWindows({ canWrite }: MaintenanceWindowsProps) {
  const query = useQuery(maintenanceWindowsQuery());
  const [editing, setEditing] = useState<string | "new" | undefined>();
  const windows = query.data?.windows ?? [];
  return (
    <Panel
      title="Maintenance windows"
      description="On each occurrence Vigil creates a silence with the window's matchers, ending when the occurrence ends."
      actions={
        canWrite && editing !== "new" ? (
          <button type="button" onClick={() => setEditing("new")} className="rounded bg-info/90 px-2.5 py-1 text-xs font-medium text-slate-950 hover:bg-info">
            New window
          </button>
        ) : undefined
      }
    >
      {editing === "new" ? (
        <div className="mb-4">
          <WindowForm onDone={() => setEditing(undefined)} />
        </div>
      ) : null}
      {query.isPending ? (
        <PanelLoading label="Loading maintenance windows" />
      ) : query.isError ? (
        <PanelError title="Could not load maintenance windows" message={query.error.message} />
      ) : windows.length === 0 ? (
        <PanelEmpty>No maintenance windows yet.</PanelEmpty>
      ) : (
        <ul className="divide-y divide-edge">
          {windows.map((window) => (
            <li key={window.id} aria-label={`Window ${window.name}`} className="py-3">
              {editing === window.id ? (
                <WindowForm window={window} onDone={() => setEditing(undefined)} />
              ) : (
                <div className="grid gap-3 md:grid-cols-[2fr_2fr_1fr]">
                  <div>
                    <p className="font-medium text-white">
                      {window.name} {window.enabled ? null : <span className="ml-1 rounded bg-slate-700/40 px-1.5 text-xs text-slate-400">disabled</span>}
                    </p>
                    <p className="text-xs text-slate-400">{describeSchedule(window)}</p>
                    <div className="mt-1">
                      <MatcherChips matchers={window.matchers.map(toAlertmanagerMatcher)} />
                    </div>
                    <p className="mt-1 text-xs text-slate-400">{window.comment}</p>
                    <p className="text-xs text-slate-500">by {window.createdBy}</p>
                  </div>
                  <div className="text-xs">
                    <p className="text-slate-400">Next</p>
                    {window.next.length === 0 ? (
                      <p className="text-slate-500">none (disabled)</p>
                    ) : (
                      <ul aria-label="Next occurrences">
                        {window.next.map((occurrence) => (
                          <li key={occurrence.start} className="text-slate-200">
                            <Time iso={occurrence.start} /> → <Time iso={occurrence.end} />
                          </li>
                        ))}
                      </ul>
                    )}
                    {window.recent.length > 0 ? (
                      <>
                        <p className="mt-1 text-slate-400">Silences made</p>
                        <ul>
                          {window.recent.map((occurrence) => (
                            <li key={occurrence.start}>
                              <Time iso={occurrence.start} />{" "}
                              {occurrence.silenceId ? (
                                <Link className="font-mono text-sky-300 hover:underline" href={`/silences?q=${occurrence.silenceId}&state=active,pending,expired`}>
                                  {occurrence.silenceId.slice(0, 8)}
                                </Link>
                              ) : (
                                <span className="text-slate-500">being created</span>
                              )}
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </div>
                  {canWrite ? (
                    <div className="flex flex-col items-end gap-1">
                      <button type="button" onClick={() => setEditing(window.id)} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-200 hover:text-white">
                        Edit
                      </button>
                      <DeleteWindow window={window} />
                    </div>
                  ) : null}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
