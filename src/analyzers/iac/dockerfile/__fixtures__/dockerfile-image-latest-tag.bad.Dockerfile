ARG PY=python
FROM golang AS build # expect: dockerfile-image-latest-tag
RUN go build -o /out/app ./...

FROM ${PY}:latest # expect: dockerfile-image-latest-tag
FROM registry.example.com:5000/team/base # expect: dockerfile-image-latest-tag
COPY --from=build /out/app /app
USER 1000
