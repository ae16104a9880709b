# syntax=docker/dockerfile:1
# The console's production image: Next.js standalone output on a slim Node, run as a non-root user.
#   docker build -t vigil .                       the console (default target)
#   docker build -t vigil-tools --target tools .   the `vigil` CLI: `db migrate` for the migration Job, imports
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# postinstall generates the Prisma client from the schema.
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV VIGIL_STANDALONE=1
RUN npm run build

# The CLI needs the sources and the full dependencies (tsx runs the TypeScript directly).
FROM build AS tools
RUN groupadd --system --gid 10001 vigil && useradd --system --uid 10001 --gid vigil --home-dir /app vigil \
  && chown -R vigil:vigil /app
USER vigil
ENTRYPOINT ["node", "bin/vigil.js"]
CMD ["db", "migrate"]

FROM ${NODE_IMAGE} AS console
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
RUN groupadd --system --gid 10001 vigil && useradd --system --uid 10001 --gid vigil --home-dir /app vigil
COPY --from=build --chown=vigil:vigil /app/.next/standalone ./
COPY --from=build --chown=vigil:vigil /app/.next/static ./.next/static
# Our server.js (the real peer address for rate limiting and trusted proxies) replaces Next's own.
COPY --from=build --chown=vigil:vigil /app/server.js ./server.js
# Read at run time: provisioned dashboards and SLO files.
COPY --from=build --chown=vigil:vigil /app/dashboards ./dashboards
COPY --from=build --chown=vigil:vigil /app/slos ./slos
USER vigil
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health?probe=live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
