# The collector (server/) and the PWA it serves, as one image. Build: docker build -t nongsan-so .
# Run: docker run -d --name nongsan-so -p 127.0.0.1:8080:8080 -v nongsan-so-data:/data --stop-timeout 30 \
#        -e TRUST_PROXY=1 nongsan-so            (docs/deploy.md: PostgreSQL, reverse proxy, backups)
# Without Docker Hub: scripts/node-base-image.sh builds an equivalent base, passed as --build-arg BASE_IMAGE=…;
# scripts/check-image.sh builds, runs and checks the image.
ARG BASE_IMAGE=node:20-bookworm-slim

# 1. Build the PWA (needs the dev dependencies: Vite, Preact preset, Workbox), then keep only the production
#    dependencies for the run stage. better-sqlite3 downloads a prebuilt binary from GitHub; where GitHub cannot
#    be reached it compiles itself: the compiler, make and Python for that stay in this stage, and node-gyp uses
#    the image's own Node headers instead of downloading them.
FROM ${BASE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
WORKDIR /app
COPY package.json package-lock.json ./
# A network that inspects TLS (a proxy with its own certificate authority) needs that authority for npm: pass it
# as a build secret, e.g. --secret id=tls-ca,src=/etc/ssl/certs/ca-certificates.crt; it stays out of the image.
RUN --mount=type=secret,id=tls-ca \
    if [ -f /run/secrets/tls-ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/tls-ca; fi \
 && npm ci --no-audit --no-fund
COPY . .
# A compiled better-sqlite3 leaves its object files (15 MB) next to the module: only the .node file is used.
RUN npm run build:pwa && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/better-sqlite3/build/Release/obj node_modules/better-sqlite3/build/Release/obj.target \
           node_modules/better-sqlite3/build/Release/.deps node_modules/better-sqlite3/build/Release/*.a

# 2. Run: production dependencies only (tsx runs the TypeScript as is), PostgreSQL client for backups.
FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY lib ./lib
COPY server ./server
COPY --from=build /app/dist/pwa ./dist/pwa
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production PORT=8080 DATA_DIR=/data PWA_DIR=/app/dist/pwa
VOLUME /data
EXPOSE 8080
USER node
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tini passes SIGTERM on and reaps; node itself stops gracefully (server/main.ts). One process, no tsx wrapper.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--import", "tsx", "server/main.ts"]
