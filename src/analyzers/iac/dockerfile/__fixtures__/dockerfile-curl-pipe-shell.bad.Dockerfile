FROM ubuntu:22.04
RUN curl -fsSL https://get.example.com/install.sh | sh # expect: dockerfile-curl-pipe-shell
RUN wget -qO- https://deb.nodesource.com/setup_20.x | sudo -E bash - # expect: dockerfile-curl-pipe-shell
RUN sh -c "$(curl -fsSL https://raw.example.com/ohmyzsh/install.sh)" # expect: dockerfile-curl-pipe-shell
RUN bash -e <<SCRIPT # expect: dockerfile-curl-pipe-shell
cd /tmp
curl -sSL https://install.example.io | bash
SCRIPT
RUN curl -sSL https://install.python-poetry.org | python3 - # expect: dockerfile-curl-pipe-shell
