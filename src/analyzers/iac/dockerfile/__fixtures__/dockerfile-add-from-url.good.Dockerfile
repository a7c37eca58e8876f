FROM alpine:3.19
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/releases/tool-1.2.tar.gz /opt/
RUN wget -q -O /tmp/agent.sh https://downloads.example.org/agent.sh && echo "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  /tmp/agent.sh" | sha256sum -c -
ADD vendor/tool-1.2.tar.gz /opt/
