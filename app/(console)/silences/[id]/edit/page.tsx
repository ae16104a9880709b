import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { SilenceForm } from "@/components/silences/silence-form";
import { Forbidden } from "@/components/ui/forbidden";
import { PanelError } from "@/components/ui/panel";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { getSilence } from "@/lib/data/silences";
import { NotFoundError } from "@/lib/errors";
import { silenceIdSchema, toMatcherInput } from "@/lib/validations/silences";
import { toSearchParams } from "../../search-params";

export const metadata: Metadata = { title: "Edit silence" };

export default async function EditSilencePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "responder")) return <Forbidden what="edit silences" role={actor.role} required="responder" />;
  const id = silenceIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const search = toSearchParams(await searchParams);
  let loaded: Awaited<ReturnType<typeof getSilence>>;
  try {
    loaded = await getSilence(id.data);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    return (
      <>
        <h1 className="mb-4 text-lg font-semibold text-white">Edit silence</h1>
        <PanelError title="Could not load the silence" message={error instanceof Error ? error.message : String(error)} />
      </>
    );
  }
  const { silence } = loaded;
  const replaced = search.get("replaced");
  return (
    <>
      <h1 className="mb-1 text-lg font-semibold text-white">Edit silence</h1>
      <p className="mb-4 font-mono text-xs text-slate-500">{silence.id}</p>
      {search.get("saved") ? (
        <p role="status" className="mb-4 rounded border border-ok/40 bg-ok/10 px-3 py-2 text-sm text-emerald-100">
          Saved.{" "}
          {replaced ? `Alertmanager replaced silence ${replaced} with this one (new ID ${silence.id}). ` : ""}
          <Link href={`/silences?q=${encodeURIComponent(silence.id)}`} className="underline">
            See it in the list
          </Link>
        </p>
      ) : null}
      {silence.status.state === "expired" ? (
        <p role="status" className="mb-4 rounded border border-edge px-3 py-2 text-sm text-slate-300">
          This silence has expired: saving creates a new one with these settings.
        </p>
      ) : null}
      <SilenceForm
        key={silence.id}
        editing={{ id: silence.id, state: silence.status.state, startsAt: silence.startsAt, endsAt: silence.endsAt }}
        initialMatchers={silence.matchers.map(toMatcherInput)}
        initialComment={silence.comment}
      />
    </>
  );
}
