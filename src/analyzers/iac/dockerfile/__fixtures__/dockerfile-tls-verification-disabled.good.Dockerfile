FROM python:3.12-slim
COPY internal-ca.crt /usr/local/share/ca-certificates/internal-ca.crt
RUN update-ca-certificates
RUN curl -fsSL -o /tmp/tool.tgz https://internal.example.com/tool.tgz
RUN wget -k -q https://internal.example.com/docs/index.html
RUN pip install --index-url https://pypi.internal.example.com/simple -r requirements.txt
RUN npm config set strict-ssl true && npm ci
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
