import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SloEditor } from "@/components/slo/slo-editor";
import { Forbidden } from "@/components/ui/forbidden";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { findStoredSlo } from "@/lib/data/slo-definitions";
import { prometheusSources } from "@/lib/prometheus/client";
import { formFromSpec } from "@/lib/slo/editor-form";
import { storedSpecInput } from "@/lib/slo/spec";
import { sloIdSchema } from "@/lib/validations/slos";

export const metadata: Metadata = { title: "Edit SLO" };

export default async function EditSloPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "editor")) return <Forbidden what="edit SLOs" role={actor.role} required="editor" />;
  const id = sloIdSchema.safeParse((await params).id);
  const stored = id.success ? await findStoredSlo(id.data) : undefined;
  // SLOs from files are edited in their file; only stored ones have this page.
  if (!stored) notFound();
  return (
    <SloEditor
      key={`${stored.id}@${stored.version}`}
      editing={{ id: stored.id, version: stored.version, form: formFromSpec(storedSpecInput(stored.spec)) }}
      sources={prometheusSources().map((source) => source.name)}
    />
  );
}
