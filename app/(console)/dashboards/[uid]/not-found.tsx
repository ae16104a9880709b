import { Link } from "@/components/ui/link";

export default function DashboardNotFound() {
  return (
    <div className="rounded border border-edge bg-panel p-6 text-sm">
      <h1 className="mb-2 text-lg font-semibold text-white">No such dashboard</h1>
      <p className="text-slate-400">
        It may have been deleted or renamed. <Link href="/dashboards" className="text-sky-300 underline">See every dashboard</Link>.
      </p>
    </div>
  );
}
