# One image, two commands: the server (the default) and the worker.
#   docker build -t provisio .
#   docker run provisio                           # server: node --enable-source-maps server/dist/index.js
#   docker run provisio worker/dist/index.js      # worker
# Each command is the app's `pnpm start`. Not built in CI: the machines that run `make test`
# have no container daemon (see docs/operations.md).

FROM node:20-slim AS build
ENV TURBO_TELEMETRY_DISABLED=1
# The pnpm of package.json's "packageManager".
RUN npm install -g pnpm@10.34.8
WORKDIR /src
# Dependencies first, from the lockfile alone, so a source change reuses this layer.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile && pnpm build
# Each app with its production dependencies only (the bundles hold the @provisio/* code).
RUN pnpm --filter @provisio/server deploy --prod --legacy --offline /out/server \
  && pnpm --filter @provisio/worker deploy --prod --legacy --offline /out/worker

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
# Owned by root, run as `node` (uid 1000): the process cannot change its own code.
COPY --from=build /out/server ./server
COPY --from=build /out/worker ./worker
USER node
EXPOSE 3000 9465 9464
# /healthz of the server, else of the worker (its metrics port, on loopback by default).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "const get = (p) => fetch(`http://127.0.0.1:${p}/healthz`).then((r) => r.ok || Promise.reject()); get(process.env.PORT || 3000).catch(() => get(process.env.WORKER_METRICS_PORT || 9464)).then(() => process.exit(0), () => process.exit(1))"]
ENTRYPOINT ["node", "--enable-source-maps"]
CMD ["server/dist/index.js"]
