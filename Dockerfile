# The collector (server/) and the PWA it serves, as one image. Build: docker build -t nongsan-so .
# Run: docker run -d --name nongsan-so -p 127.0.0.1:8080:8080 -v nongsan-so-data:/data --stop-timeout 30 \
#        -e TRUST_PROXY=1 nongsan-so            (docs/deploy.md: PostgreSQL, reverse proxy, backups)

# 1. Build the PWA (needs the dev dependencies: Vite, Preact preset, Workbox).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:pwa

# 2. Run: production dependencies only (tsx runs the TypeScript as is), PostgreSQL client for backups.
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
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
