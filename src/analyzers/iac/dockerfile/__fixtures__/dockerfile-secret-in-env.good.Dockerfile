FROM node:20-slim
ARG NPM_TOKEN
ENV NODE_ENV=production \
    DB_PASSWORD_FILE=/run/secrets/db_password
ENV JWT_SECRET=${JWT_SECRET}
ENV TOKEN_TTL=3600 AUTH_TOKEN_HEADER=X-Auth-Token USE_API_KEY=false
RUN --mount=type=secret,id=npm_token NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci
