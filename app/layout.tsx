import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppNav } from "@/components/nav/app-nav";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vigil", template: "%s · Vigil" },
  description: "Dashboards, alerts, silences, runbooks and SLOs for teams that run ML and LLM serving.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>
          <AppNav />
          <main className="mx-auto max-w-screen-2xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
