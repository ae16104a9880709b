import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-24 text-center">
      <h1 className="text-xl font-semibold text-white">Page not found</h1>
      <p className="mt-2 text-slate-400">There is no page at this address.</p>
      <Link href="/" className="mt-6 inline-block rounded bg-edge px-3 py-1.5 text-sm text-white hover:bg-slate-700">
        Back to the overview
      </Link>
    </div>
  );
}
