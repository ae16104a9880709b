import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A self-contained server bundle for the container image (Dockerfile); `node server.js` still works from a checkout.
  output: "standalone",
  poweredByHeader: false,
  // A separate build directory lets a test build the app without touching the one being served.
  distDir: process.env.VIGIL_NEXT_DIST_DIR ?? ".next",
  // Loaded from node_modules at run time, not bundled: prom-client's registry must be one
  // per process, and pg/Prisma's drivers carry native and WASM parts.
  serverExternalPackages: ["prom-client", "pg", "@prisma/client", "@prisma/adapter-pg"],
};

export default nextConfig;
