FROM alpine:3.19
COPY app /app
RUN chmod -R 777 /app # expect: dockerfile-world-writable-chmod
RUN chown -R app /data && chmod o+w /data/uploads # expect: dockerfile-world-writable-chmod
RUN chmod 0666 /etc/app.conf # expect: dockerfile-world-writable-chmod
