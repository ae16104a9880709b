import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunbookHistory } from "@/components/runbooks/runbook-history";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { findRunbook } from "@/lib/data/runbooks";
import { slugParam, type SearchParams } from "@/lib/runbooks/page-params";

export const metadata: Metadata = { title: "Runbook history" };

function version(value: string | string[] | undefined): number | undefined {
  return typeof value === "string" && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : undefined;
}

export default async function RunbookHistoryPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const slug = slugParam((await params).slug);
  const runbook = slug ? await findRunbook(slug) : undefined;
  if (!runbook) notFound();
  const query = await searchParams;
  return <RunbookHistory runbook={runbook} canEdit={roleAtLeast(actor.role, "editor")} from={version(query.from)} to={version(query.to)} />;
}
