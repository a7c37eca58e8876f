FROM debian:12-slim
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 # expect: dockerfile-apt-install-recommends
RUN apt-get update && apt-get -y install git=1:2.39.2-1.1 && rm -rf /var/lib/apt/lists/* # expect: dockerfile-apt-install-recommends
