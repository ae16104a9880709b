import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunbookDetail } from "@/components/runbooks/runbook-detail";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { alertLabels, findRunbook } from "@/lib/data/runbooks";
import { alertContextQuery } from "@/lib/runbooks/alert-context";
import { alertContextParams, slugParam, type SearchParams } from "@/lib/runbooks/page-params";

interface RunbookPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: RunbookPageProps): Promise<Metadata> {
  const slug = slugParam((await params).slug);
  const runbook = slug ? await findRunbook(slug) : undefined;
  return { title: runbook ? `${runbook.title} · Runbooks` : "Runbook not found" };
}

export default async function RunbookPage({ params, searchParams }: RunbookPageProps) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const runbook = slug ? await findRunbook(slug) : undefined;
  if (!runbook) notFound();
  const context = alertContextParams(await searchParams);
  const fromAlert = context.fingerprint ? await alertLabels(context.fingerprint) : undefined;
  // Labels in the URL refine (or stand in for) the alert's own.
  const variables = { ...fromAlert, ...context.labels };
  return (
    <RunbookDetail
      runbook={runbook}
      canEdit={roleAtLeast(actor.role, "editor")}
      variables={variables}
      contextQuery={context.fingerprint ? `?alert=${context.fingerprint}` : alertContextQuery(context.labels)}
    />
  );
}
