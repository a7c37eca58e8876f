FROM python:3.12-slim
RUN curl -fsSLk -o /tmp/tool.tgz https://internal.example.com/tool.tgz # expect: dockerfile-tls-verification-disabled
RUN wget --no-check-certificate https://internal.example.com/cert-less.bin # expect: dockerfile-tls-verification-disabled
RUN pip install --trusted-host pypi.internal.example.com -r requirements.txt # expect: dockerfile-tls-verification-disabled
RUN npm config set strict-ssl false && npm ci # expect: dockerfile-tls-verification-disabled
ENV NODE_TLS_REJECT_UNAUTHORIZED=0 # expect: dockerfile-tls-verification-disabled
