#!/usr/bin/env node
// The console's production server: Next.js's request handler behind Node's own HTTP server.
// It exists for one reason: to tell the app each request's real TCP peer. Next.js fills
// X-Forwarded-For only when a client has not sent one, so that header can be forged; the
// x-vigil-peer header set here from the socket cannot. Reverse-proxy sign-in (trusting
// X-Forwarded-User only from VIGIL_TRUSTED_PROXIES) and sign-in rate limiting rely on it.
//
//   node server.js            PORT (default 3000) and HOST (default 0.0.0.0) from the environment
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";

// In the container image (Next's standalone output) there is no next.config.ts to load: use the
// configuration the build recorded, as the server.js that Next generates for standalone does.
const distDir = process.env.VIGIL_NEXT_DIST_DIR ?? ".next";
const recorded = path.join(distDir, "required-server-files.json");
if (!existsSync("next.config.ts") && existsSync(recorded)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(readFileSync(recorded, "utf8")).config);
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-vigil-peer"] = request.socket.remoteAddress ?? "";
  handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`Vigil listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
