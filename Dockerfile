# One image for every backend app: the workspace with its dependencies; the app is chosen by the
# command. Apps run from TypeScript sources through SWC (docs/adr/0002), exactly as in tests.
FROM node:20-bookworm-slim AS deps
WORKDIR /srv
COPY package.json package-lock.json .npmrc ./
COPY apps/user-service/package.json apps/user-service/
COPY apps/business-service/package.json apps/business-service/
COPY apps/admin-service/package.json apps/admin-service/
COPY apps/toss-sandbox/package.json apps/toss-sandbox/
COPY apps/web/package.json apps/web/
COPY apps/system-e2e/package.json apps/system-e2e/
COPY libs libs
RUN npm ci --no-audit --no-fund

FROM deps AS app
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0
USER node
CMD ["node", "-r", "./tools/register.cjs", "apps/user-service/src/main.ts"]

FROM deps AS web-build
COPY . .
RUN npx vite build apps/web

FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=web-build /srv/dist/apps/web /usr/share/nginx/html
