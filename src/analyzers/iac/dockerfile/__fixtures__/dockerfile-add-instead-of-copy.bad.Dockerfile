FROM python:3.12-slim
ADD requirements.txt /app/ # expect: dockerfile-add-instead-of-copy
ADD --chown=app:app src/ config.yaml /app/ # expect: dockerfile-add-instead-of-copy
ADD ["entrypoint.sh", "/usr/local/bin/"] # expect: dockerfile-add-instead-of-copy
