import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SloDetailView } from "@/components/slo/slo-detail";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { readAllSlos } from "@/lib/slo/server";
import { sloIdSchema } from "@/lib/validations/slos";

export const metadata: Metadata = { title: "SLO" };

export default async function SloPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const id = sloIdSchema.safeParse((await params).id);
  if (!id.success || !(await readAllSlos()).slos.some((slo) => slo.id === id.data)) notFound();
  const group = (await searchParams).group;
  return <SloDetailView id={id.data} group={typeof group === "string" ? group : undefined} canEdit={roleAtLeast(actor.role, "editor")} />;
}
