FROM debian:12-slim
RUN apt-get update && apt-get upgrade -y # expect: dockerfile-apt-upgrade
RUN apt-get update && apt-get -y dist-upgrade # expect: dockerfile-apt-upgrade
