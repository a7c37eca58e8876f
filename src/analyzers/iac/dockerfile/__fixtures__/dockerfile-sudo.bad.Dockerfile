FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends sudo=1.9.9-1ubuntu2
USER app
RUN sudo apt-get install -y --no-install-recommends make=4.3-4.1build1 # expect: dockerfile-sudo
RUN cd /src && /usr/bin/sudo -E make install # expect: dockerfile-sudo
