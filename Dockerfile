# syntax=docker/dockerfile:1
# One image for all five services; the compose file picks the entry point per service.

FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json .swcrc ./
COPY libs ./libs
COPY services ./services
COPY scripts ./scripts
COPY bench ./bench
RUN npm run build && npm prune --omit=dev

FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system crm && useradd --system --gid crm --home /app crm
COPY --from=build --chown=crm:crm /app/node_modules ./node_modules
COPY --from=build --chown=crm:crm /app/dist ./dist
COPY --chown=crm:crm package.json ./
USER crm
# SERVICE selects which service this container runs: customers, complaints, returns, loyalty, gateway.
ENV SERVICE=gateway
STOPSIGNAL SIGTERM
# Node flags as in scripts/start-all.ts (issue 10: RSS under load, bench/README.md).
CMD ["sh", "-c", "exec node --enable-source-maps --max-semi-space-size=2 --max-old-space-size=128 dist/services/${SERVICE}/src/main.js"]
