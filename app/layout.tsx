import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

// Next.js puts proxy.ts's CSP nonce on its scripts only when it renders per request: a page
// prerendered at build time (the 404 page included) would carry none, and the browser would
// block all of its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Vigil", template: "%s · Vigil" },
  description: "Dashboards, alerts, silences, runbooks and SLOs for teams that run ML and LLM serving.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
