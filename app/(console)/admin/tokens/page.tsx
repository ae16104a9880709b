import type { Metadata } from "next";
import { TokensAdmin } from "@/components/admin/tokens-admin";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const isAdmin = roleAtLeast(actor.role, "admin");
  const scope = isAdmin && (await searchParams).all === "1" ? "all" : "mine";
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">API tokens</h1>
      <TokensAdmin role={actor.role} isAdmin={isAdmin} scope={scope} canCreate={actor.type === "user"} />
    </>
  );
}
