FROM node:20-slim AS build
USER node
RUN npm ci

FROM node:20-slim # expect: dockerfile-runs-as-root
COPY --from=build /app /app
CMD ["node", "/app/server.js"]
