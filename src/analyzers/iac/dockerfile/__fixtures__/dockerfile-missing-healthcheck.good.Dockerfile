FROM alpine:3.19 AS base
HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost:8080/health || exit 1

FROM base
COPY app /app
ENTRYPOINT ["/app"]
