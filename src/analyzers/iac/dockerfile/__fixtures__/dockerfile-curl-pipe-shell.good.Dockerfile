FROM ubuntu:22.04
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
    && echo "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh
RUN curl -fsSL https://example.com/data.json | jq .version
RUN bash -e <<SCRIPT
curl -sSL -o /tmp/x.tgz https://example.com/x.tgz
tar -xzf /tmp/x.tgz -C /opt
SCRIPT
RUN curl -fsS https://example.com/release.json | python3 -c "import json,sys; print(json.load(sys.stdin)['version'])"
