FROM node:20-slim AS base
RUN useradd -r app
USER app

FROM base AS final
COPY --chown=app . /app
CMD ["node", "/app/server.js"]
