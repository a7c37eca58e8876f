FROM python:3.12-slim
COPY requirements.txt /app/
COPY --chown=app:app src/ config.yaml /app/
ADD vendor/wheels.tar.gz /opt/wheels/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /opt/
ADD git@github.com:example/lib.git /opt/lib
