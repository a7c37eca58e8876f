FROM alpine:3.19
ADD https://example.com/releases/tool-1.2.tar.gz /opt/ # expect: dockerfile-add-from-url
ADD --chown=app http://downloads.example.org/agent.sh /usr/local/bin/agent.sh # expect: dockerfile-add-from-url
