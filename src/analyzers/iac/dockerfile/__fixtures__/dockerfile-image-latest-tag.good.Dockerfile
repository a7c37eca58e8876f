ARG PY_VERSION=3.12
FROM golang:1.22-bookworm AS build
RUN go build -o /out/app ./...

FROM scratch AS empty
FROM build AS tested
FROM python:${PY_VERSION}-slim
FROM registry.example.com:5000/team/base@sha256:4c1b9d1ad2a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b
FROM ubuntu:${UNKNOWN_TAG}
COPY --from=build /out/app /app
USER 1000
