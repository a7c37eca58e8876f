FROM golang:1.22 AS build
HEALTHCHECK CMD ["/bin/true"]
RUN go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot # expect: dockerfile-missing-healthcheck
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
