# dnscc: one image for every role, chosen at run time by ROLE=all|api|worker.
#
#   docker build -t dnscc .
#   docker run -p 3000:3000 -v dnscc-data:/data dnscc            # embedded: SQLite + its own redis-server in /data
#   docker compose up -d --build                                  # scaled out: see docs/scale-out.md
#
# Stages: toolchain (Node + python3/make/g++ for native modules) -> deps (all dependencies) -> build (dist/);
# prod-deps (runtime dependencies only) -> runtime (slim, non-root). Dependency layers depend only on
# package.json and package-lock.json, so a source change does not reinstall them.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS toolchain
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary for this platform; the compilers are the fallback when it cannot.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./

FROM toolchain AS deps
RUN npm ci --no-audit --no-fund

FROM toolchain AS prod-deps
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM deps AS build
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
# redis-server serves the embedded mode only (ROLE=all without REDIS_URL, as `docker run dnscc`).
# Scaled out, every process is given REDIS_URL and never starts it. /data belongs to `node`, so a named
# volume mounted there is writable by the process.
RUN apt-get update \
 && apt-get install -y --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data \
 && chown node:node /data
ENV NODE_ENV=production \
    ROLE=all \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# Code and dependencies stay owned by root: the process can read them, not change them.
COPY package.json package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# The api answers GET /health (200, or 503 when the event store fails). A worker serves no HTTP, so for
# ROLE=worker the check only says the process runs; a crashed worker exits and its restart policy applies.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "if (process.env.ROLE === 'worker') process.exit(0); fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# This entrypoint runs every role: with ROLE=worker it starts the worker alone (no HTTP).
CMD ["node", "dist/apps/api/src/main.js"]
