FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 ca-certificates=20230311
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       git=1:2.39.2-1.1 \
       ./vendor/tool_1.0_amd64.deb \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends "$EXTRA_PACKAGES"
