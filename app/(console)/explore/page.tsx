import type { Metadata } from "next";
import { Suspense } from "react";
import { Explore } from "@/components/explore/explore";
import { PanelLoading } from "@/components/ui/panel";
import { requireActor } from "@/lib/auth/current";
import { roleAtLeast } from "@/lib/auth/roles";
import { listDashboards } from "@/lib/data/dashboards";

export const metadata: Metadata = { title: "Explore" };

/** Stored dashboards an editor may add a panel to; if the database is down, Explore still works without them. */
async function storedDashboards(): Promise<Array<{ uid: string; title: string }>> {
  try {
    return (await listDashboards()).filter((item) => item.source === "database").map(({ uid, title }) => ({ uid, title }));
  } catch {
    return [];
  }
}

export default async function ExplorePage() {
  const actor = await requireActor();
  const canEdit = roleAtLeast(actor.role, "editor");
  const dashboards = canEdit ? await storedDashboards() : [];
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-white">Explore</h1>
      <Suspense fallback={<PanelLoading label="Loading Explore" />}>
        <Explore canEdit={canEdit} dashboards={dashboards} />
      </Suspense>
    </>
  );
}
