import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";
import { Forbidden } from "@/components/ui/forbidden";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { alertLabels, findRunbook } from "@/lib/data/runbooks";
import { alertContextParams, slugParam, type SearchParams } from "@/lib/runbooks/page-params";

export const metadata: Metadata = { title: "Edit runbook" };

interface EditRunbookPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export default async function EditRunbookPage({ params, searchParams }: EditRunbookPageProps) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, "editor")) return <Forbidden what="edit runbooks" role={actor.role} required="editor" />;
  const slug = slugParam((await params).slug);
  const runbook = slug ? await findRunbook(slug) : undefined;
  if (!runbook) notFound();
  const context = alertContextParams(await searchParams);
  const fromAlert = context.fingerprint ? await alertLabels(context.fingerprint) : undefined;
  return <RunbookEditor key={runbook.version} runbook={runbook} initial={runbook} variables={{ ...fromAlert, ...context.labels }} />;
}
