import type { Metadata } from "next";
import { SloList } from "@/components/slo/slo-list";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { sloListFilterSchema } from "@/lib/validations/slos";

export const metadata: Metadata = { title: "SLOs" };

export default async function SlosPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" && value !== "" ? [[key, value]] : [])));
  const parsed = sloListFilterSchema.safeParse(raw);
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">SLOs</h1>
      <SloList filter={parsed.success ? parsed.data : { sort: "budget" }} canEdit={roleAtLeast(actor.role, "editor")} />
    </>
  );
}
