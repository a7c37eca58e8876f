FROM alpine:3.19
COPY --chown=app app /app
RUN chmod -R 755 /app
RUN chmod 1777 /scratch && chmod u+w,go-w /data/uploads
RUN chmod 0644 /etc/app.conf
