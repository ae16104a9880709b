import type { Metadata } from "next";
import { SilenceForm } from "@/components/silences/silence-form";
import { Forbidden } from "@/components/ui/forbidden";
import { parseMatchers } from "@/lib/alertmanager/matchers";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { parseDuration } from "@/lib/silences/duration";
import { toMatcherInput } from "@/lib/validations/silences";
import { toSearchParams } from "../search-params";

export const metadata: Metadata = { title: "New silence" };

/**
 * /silences/new, optionally filled in from a link: ?matchers={alertname="X", team="ml"} (as the
 * alert pages build it from an alert's or a group's labels), &comment=, &duration=2h.
 */
export default async function NewSilencePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "responder")) return <Forbidden what="create silences" role={actor.role} required="responder" />;
  const params = toSearchParams(await searchParams);
  const text = params.get("matchers") ?? "";
  const parsed = text.trim() ? parseMatchers(text) : { ok: true as const, value: [] };
  const duration = params.get("duration") ?? "";
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">New silence</h1>
      <SilenceForm
        initialMatchers={parsed.ok ? parsed.value.map(toMatcherInput) : []}
        initialComment={params.get("comment") ?? ""}
        initialDuration={parseDuration(duration) ? duration : undefined}
        notice={parsed.ok ? undefined : `The matchers in the link could not be read (${parsed.error}); start from scratch.`}
      />
    </>
  );
}
