ARG BUILD_SECRET=hunter2-build # expect: dockerfile-secret-in-env
FROM node:20-slim
ARG NPM_TOKEN=npm_f3a9c1d2e4b5a6978877665544332211aabb # expect: dockerfile-secret-in-env
ENV NODE_ENV=production \
    DB_PASSWORD=s3cr3t-pass # expect: dockerfile-secret-in-env
ENV JWT_SECRET supersecretvalue # expect: dockerfile-secret-in-env
ENV STRIPE_API_KEY="sk_live_51Habcdefghijklmnop" PORT=8080 # expect: dockerfile-secret-in-env
