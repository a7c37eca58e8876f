#!/usr/bin/env node
// IaC benchmark (issue 6): a generated corpus of 10,000 resources — Kubernetes Deployments and
// Services in multi-document files, Dockerfiles, compose files and GitHub workflows, half of them
// with planted misconfigurations — scanned with `bulwark scan --scanners iac`.
//
//   node bench/iac.mjs [--runs N] [--resources N]     (npm run build first)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CACHE_DIR, REPO_DIR, log, parseArgs, sh } from './lib.mjs';

const BULWARK = join(REPO_DIR, 'bin', 'bulwark.js');
const CORPUS = join(CACHE_DIR, 'iac-corpus');

function deployment(i, unsafe) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  replicas: 2
  selector:
    matchLabels: { app: app-${i} }
  template:
    metadata:
      labels: { app: app-${i} }
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: ${unsafe ? 'false' : 'true'}
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: registry.example.com/app-${i}:${unsafe ? 'latest' : '1.4.2'}
          securityContext:
            privileged: ${unsafe ? 'true' : 'false'}
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 256Mi }
`;
}

function service(i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  selector: { app: app-${i} }
  ports: [{ port: 80, targetPort: 8080 }]
`;
}

/** Write the corpus: 10 resources per manifest file, plus one Dockerfile, compose file and workflow per 50. */
function buildCorpus(resources) {
  rmSync(CORPUS, { recursive: true, force: true });
  let written = 0;
  for (let file = 0; written < resources; file++) {
    const dir = join(CORPUS, `service-${Math.floor(file / 10)}`);
    mkdirSync(join(dir, 'k8s'), { recursive: true });
    const docs = [];
    for (let k = 0; k < 10 && written < resources; k++, written++) {
      docs.push(written % 2 === 0 ? deployment(written, written % 4 === 0) : service(written));
    }
    writeFileSync(join(dir, 'k8s', `manifests-${file}.yaml`), docs.join('---\n'));
    if (file % 5 === 0) {
      writeFileSync(join(dir, 'Dockerfile'), `FROM node:${file % 10 === 0 ? 'latest' : '20.11-alpine'}\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\n${file % 10 === 0 ? '' : 'USER node\n'}HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n`);
      writeFileSync(join(dir, 'docker-compose.yml'), `services:\n  web:\n    image: web:1.0\n    ${file % 10 === 0 ? 'privileged: true\n    ' : ''}ports: ["127.0.0.1:8080:8080"]\n`);
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), `name: ci\non: [push]\npermissions: { contents: read }\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\n      - run: npm test\n`);
    }
  }
  return written;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const options = parseArgs(process.argv.slice(2), { runs: '5', resources: '10000' });
const resources = buildCorpus(Number(options.resources));
log(`iac corpus: ${resources} Kubernetes resources (+ Dockerfiles, compose files, workflows) in ${CORPUS}`);
const out = join(CACHE_DIR, 'iac-out');
const times = [];
let summary = '';
for (let i = 0; i < Number(options.runs); i++) {
  rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const run = sh('node', [BULWARK, 'scan', CORPUS, '--scanners', 'iac', '--out', out, '--format', 'gitlab']);
  times.push(performance.now() - start);
  if (run.status !== 0) throw new Error(run.stderr);
  summary = run.stdout.split('\n').find((line) => line.startsWith('Findings:')) ?? '';
}
process.stdout.write(`iac: ${resources} Kubernetes resources + ${Math.ceil(resources / 50)} each of Dockerfiles, compose files, workflows: ${(median(times) / 1000).toFixed(2)} s whole command (median of ${options.runs}); ${summary}\n`);
