FROM debian:12-slim@sha256:4c1b9d1ad2a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b
RUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl=3.0.11-1~deb12u2
RUN echo "apt-get upgrade is avoided on purpose"
