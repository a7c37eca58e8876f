FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends make=4.3-4.1build1
RUN echo "no sudo needed" && make -C /src install
USER app
