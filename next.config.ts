import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A self-contained server bundle for the container image (the Dockerfile sets VIGIL_STANDALONE=1);
  // elsewhere `node server.js` serves the build from the checkout.
  output: process.env.VIGIL_STANDALONE === "1" ? "standalone" : undefined,
  poweredByHeader: false,
  // A separate build directory lets a test build the app without touching the one being served.
  distDir: process.env.VIGIL_NEXT_DIST_DIR ?? ".next",
  // Loaded from node_modules at run time, not bundled: prom-client's registry must be one
  // per process, and pg/Prisma's drivers carry native and WASM parts.
  serverExternalPackages: ["prom-client", "pg", "@prisma/client", "@prisma/adapter-pg"],
  // An HTTP redirect, before any rendering: a redirect() in the page came after the layout had
  // started streaming, so the browser loaded /monitoring and then moved on its own, which could
  // cut short whatever the person (or a test) opened next.
  async redirects() {
    return [{ source: "/monitoring", destination: "/monitoring/targets", permanent: false }];
  },
  // Browsers still ask for /favicon.ico now and then (a page without its <link rel="icon"> yet);
  // the app's icon (app/icon.svg) answers instead of a 404.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
};

export default nextConfig;
