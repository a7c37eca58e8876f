FROM ubuntu:22.04
EXPOSE 8080 22 # expect: dockerfile-ssh-port-exposed
EXPOSE 20-25/tcp # expect: dockerfile-ssh-port-exposed
