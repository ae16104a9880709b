"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormMessage } from "@/components/auth/form-fields";
import { Panel } from "@/components/ui/panel";
import { toLocalInput } from "@/lib/audit/local-time";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { createSilence, silenceKeys, silencesQuery, updateSilence } from "@/lib/queries/silences";
import { formatDuration } from "@/lib/silences/duration";
import { buildSilenceBody, type SilenceTiming } from "@/lib/silences/form";
import { DURATION_PRESETS, type MatcherInput } from "@/lib/validations/silences";
import { MatcherEditor, newMatcherRow, type MatcherRow } from "./matcher-editor";
import { SilencePreview } from "./silence-preview";

export interface SilenceFormProps {
  /** Set when editing: the silence's id, and whether it is already running (its start then stays). */
  editing?: { id: string; state: "active" | "pending" | "expired"; startsAt: string; endsAt: string };
  initialMatchers: MatcherInput[];
  initialComment: string;
  /** A duration such as "2h" (from a link or a preset); ignored when editing. */
  initialDuration?: string;
  /** Why the link's matchers could not be read, shown above the form. */
  notice?: string;
}

const INPUT = "w-full rounded border bg-surface px-3 py-2 text-sm text-white outline-none focus:border-info";

function FieldErrors({ errors }: { errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p role="alert" className="mt-1 text-xs text-rose-300">
      {errors.join(" ")}
    </p>
  );
}

/** Create or edit a silence: matchers, how long, why; a live preview of what it would mute. */
export function SilenceForm({ editing, initialMatchers, initialComment, initialDuration, notice }: SilenceFormProps) {
  const router = useRouter();
  const client = useQueryClient();
  const query = useQuery(silencesQuery());
  const [rows, setRows] = useState<MatcherRow[]>(() => (initialMatchers.length ? initialMatchers : [{ name: "alertname", operator: "=" as const, value: "" }]).map((row) => newMatcherRow(row)));
  const [timing, setTiming] = useState<SilenceTiming>(() =>
    editing ? { mode: "end", endsAtLocal: toLocalInput(editing.endsAt) } : { mode: "duration", duration: initialDuration ?? "2h" },
  );
  // A pending silence's start can move; an active one keeps its own (changing it would replace the silence).
  const [startsAtLocal, setStartsAtLocal] = useState(() => (editing?.state === "pending" ? toLocalInput(editing.startsAt) : ""));
  const [comment, setComment] = useState(initialComment);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const matchers: MatcherInput[] = rows.map(({ name, operator, value }) => ({ name, operator, value }));

  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createSilence>[0]) => (editing && editing.state !== "expired" ? updateSilence(editing.id, body) : createSilence(body)),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: silenceKeys.all });
      if (editing && editing.state !== "expired") {
        // Alertmanager may have replaced the silence: from now on it has the id it answered with.
        const replaced = result.silenceID !== editing.id ? `&replaced=${encodeURIComponent(editing.id)}` : "";
        router.push(`/silences/${result.silenceID}/edit?saved=1${replaced}`);
      } else {
        router.push(`/silences?q=${encodeURIComponent(result.silenceID)}`);
      }
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = buildSilenceBody(
      { matchers, timing, comment, ...(editing?.state === "active" ? { startsAt: editing.startsAt } : { startsAtLocal }) },
      Date.now(),
      query.data?.maxDurationMs ?? null,
    );
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    mutation.mutate(built.body);
  }

  const maxDuration = query.data?.maxDurationMs;
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Panel title={editing ? "Silence" : "New silence"}>
        <form onSubmit={submit} aria-label={editing ? "Edit silence" : "New silence"} noValidate className="space-y-4">
          {notice ? <FormMessage message={notice} /> : null}
          <MatcherEditor rows={rows} onChange={setRows} errors={errors} />

          {editing?.state === "active" ? null : (
            <div>
              <label htmlFor="silence-starts" className="block text-sm text-slate-300">
                Starts
              </label>
              <div className="mt-1 flex items-center gap-2">
                <input
                  id="silence-starts"
                  type="datetime-local"
                  value={startsAtLocal}
                  onChange={(event) => setStartsAtLocal(event.target.value)}
                  aria-invalid={Boolean(errors.startsAt?.length)}
                  aria-describedby="silence-starts-hint"
                  className={`${INPUT} max-w-64 ${errors.startsAt?.length ? "border-critical" : "border-edge"}`}
                />
                {startsAtLocal ? (
                  <button type="button" onClick={() => setStartsAtLocal("")} className="shrink-0 text-xs text-slate-300 hover:text-white">
                    Start now instead
                  </button>
                ) : null}
              </div>
              <p id="silence-starts-hint" className="mt-1 text-xs text-slate-500">
                {startsAtLocal ? "Pending until then: it mutes nothing before it starts." : "Empty: starts now. Pick a later time for a pending silence (planned maintenance)."}
              </p>
              <FieldErrors errors={errors.startsAt} />
            </div>
          )}

          <fieldset>
            <legend className="mb-1 text-sm text-slate-300">How long</legend>
            <div className="flex flex-wrap items-center gap-1.5">
              {DURATION_PRESETS.map((preset) => (
                <button
                  key={preset}
                  type="button"
                  aria-pressed={timing.mode === "duration" && timing.duration === preset}
                  onClick={() => setTiming({ mode: "duration", duration: preset })}
                  className={`rounded border px-2 py-1 text-xs ${timing.mode === "duration" && timing.duration === preset ? "border-info bg-info/20 text-white" : "border-edge text-slate-300 hover:text-white"}`}
                >
                  {preset}
                </button>
              ))}
            </div>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              <label className="block text-xs text-slate-400">
                Duration from {startsAtLocal ? "the start" : "now"}
                <input
                  value={timing.mode === "duration" ? timing.duration : ""}
                  onChange={(event) => setTiming({ mode: "duration", duration: event.target.value })}
                  placeholder="90m, 4h, 1d, 1w"
                  aria-invalid={Boolean(errors.duration?.length)}
                  className={`mt-1 ${INPUT} ${errors.duration?.length ? "border-critical" : "border-edge"}`}
                />
                <FieldErrors errors={errors.duration} />
              </label>
              <label className="block text-xs text-slate-400">
                Or end at
                <input
                  type="datetime-local"
                  value={timing.mode === "end" ? timing.endsAtLocal : ""}
                  onChange={(event) => setTiming({ mode: "end", endsAtLocal: event.target.value })}
                  aria-invalid={Boolean(errors.endsAt?.length)}
                  className={`mt-1 ${INPUT} ${errors.endsAt?.length ? "border-critical" : "border-edge"}`}
                />
                <FieldErrors errors={errors.endsAt} />
              </label>
            </div>
            {maxDuration ? <p className="mt-1 text-xs text-slate-500">Silences may last at most {formatDuration(maxDuration)} here, counted from their start.</p> : null}
          </fieldset>

          <label className="block text-sm text-slate-300">
            Comment (required: why, and a ticket if there is one)
            <textarea
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              rows={3}
              aria-invalid={Boolean(errors.comment?.length)}
              className={`mt-1 ${INPUT} ${errors.comment?.length ? "border-critical" : "border-edge"}`}
            />
            <FieldErrors errors={errors.comment} />
          </label>

          {mutation.isError ? <FormMessage message={mutation.error.message} /> : null}
          {errors.form?.length ? <FormMessage message={errors.form.join(" ")} /> : null}
          <div className="flex items-center gap-3">
            <button type="submit" disabled={mutation.isPending} className="rounded bg-info/90 px-4 py-2 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60">
              {mutation.isPending ? "Saving…" : editing && editing.state !== "expired" ? "Save silence" : "Create silence"}
            </button>
            <Link href="/silences" className="text-sm text-slate-300 hover:text-white">
              Cancel
            </Link>
          </div>
        </form>
      </Panel>
      <SilencePreview matchers={matchers} query={query} editingId={editing?.id} />
    </div>
  );
}
