import { Link } from "@/components/ui/link";
import { loadProvisionedDashboards } from "@/lib/dashboards/files";

/** The built-in dashboards (provisioned files), one link each, for the overview page. */
export async function BuiltinDashboardLinks() {
  const dashboards = (await loadProvisionedDashboards()).flatMap((file) => (file.ok ? [file.dashboard] : []));
  if (dashboards.length === 0) return null;
  return (
    <nav aria-label="Built-in dashboards" className="mt-4 rounded-lg border border-edge bg-panel p-4">
      <h2 className="mb-2 text-sm font-semibold text-white">Dashboards</h2>
      <ul className="flex flex-wrap gap-2 text-sm">
        {dashboards.map((dashboard) => (
          <li key={dashboard.uid}>
            <Link href={`/dashboards/${dashboard.uid}`} title={dashboard.description} className="rounded bg-edge px-2.5 py-1 text-sky-200 hover:text-white">
              {dashboard.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
