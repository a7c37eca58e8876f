FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates # expect: dockerfile-apt-unpinned
RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.2-1.1 openssh-client # expect: dockerfile-apt-unpinned
RUN apt update && apt install -y --no-install-recommends python3 # expect: dockerfile-apt-unpinned
