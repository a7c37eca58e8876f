import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeFrameworkRules } from '../../../../test/iac-rules.js';
import { kubernetesFramework } from './framework.js';
import { containersOf } from './model.js';

const fixturesDir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

describeFrameworkRules(kubernetesFramework, fixturesDir, (id, kind) => `${id}.${kind}.yaml`);

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: one\nspec:\n  containers:\n    - name: app\n      image: nginx:1.25\n';

describe('analyzers/iac/kubernetes/framework', () => {
  it('claims YAML and JSON manifests but not files other frameworks own', () => {
    for (const path of ['k8s/deploy.yaml', 'app.yml', 'manifests/svc.json']) expect(kubernetesFramework.claims(path), path).toBe(true);
    for (const path of ['.github/workflows/ci.yml', '.gitlab-ci.yml', 'docker-compose.yml', 'compose.prod.yaml', 'node_modules/x/deploy.yaml', 'main.tf', 'Dockerfile']) {
      expect(kubernetesFramework.claims(path), path).toBe(false);
    }
  });

  it('reads every document of a stream, naming each object', () => {
    const text = `${POD}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  type: ClusterIP\n`;
    const { targets, problems } = kubernetesFramework.parse(text, 'all.yaml');
    expect(problems).toEqual([]);
    expect(targets.map((t) => t.resource)).toEqual(['Pod/one', 'Service/web']);
    expect(targets[1]!.namespace).toBe('shop');
    expect(targets[0]!.podSpec?.line).toBe(5);
    expect(targets[1]!.podSpec).toBeUndefined();
  });

  it('reads the items of a kind: List', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: b\n';
    const { targets } = kubernetesFramework.parse(text, 'list.yaml');
    expect(targets.map((t) => t.resource)).toEqual(['ConfigMap/a', 'Secret/b']);
  });

  it("finds a CronJob's containers under its job template", () => {
    const text =
      'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: prep\n              image: busybox:1.36\n          containers:\n            - name: task\n              image: busybox:1.36\n';
    const [cronJob] = kubernetesFramework.parse(text, 'cron.yaml').targets;
    expect(containersOf(cronJob!).map((c) => c.resource)).toEqual(['container "task" of CronJob/nightly', 'init container "prep" of CronJob/nightly']);
    expect(containersOf(cronJob!)[0]!.node.line).toBe(15);
  });

  it('reports malformed YAML as a problem and keeps the readable documents', () => {
    const text = `${POD}---\napiVersion: v1\nkind: Service\nmetadata: [unclosed\n`;
    const { targets, problems } = kubernetesFramework.parse(text, 'broken.yaml');
    expect(targets.map((t) => t.resource)).toEqual(['Pod/one']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'iac-unreadable', file: 'broken.yaml' });
  });

  it('stops a billion-laughs manifest quickly with a problem', () => {
    let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let previous = 'a';
    for (let i = 0; i < 9; i++) {
      text += `  b${i}: &b${i} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
      previous = `b${i}`;
    }
    const started = Date.now();
    const { targets, problems } = kubernetesFramework.parse(text, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(targets).toEqual([]);
    expect(problems[0]?.message).toMatch(/alias/i);
  });

  it('finds no targets and no problems in YAML and JSON that is not Kubernetes', () => {
    for (const [file, text] of [
      ['config.yaml', 'server:\n  port: 8080\nkind: of-a-config\n'],
      ['openapi.yaml', 'openapi: 3.0.0\ninfo:\n  title: api\n'],
      ['package.json', '{"name": "x", "version": "1.0.0"}'],
      ['crd-like.yaml', 'apiVersion: v1\nkind: Pod\nspec: {}\n'],
    ] as const) {
      expect(kubernetesFramework.parse(text, file), file).toEqual({ targets: [], problems: [] });
    }
  });

  it('reads JSON manifests', () => {
    const text = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"}, "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "nginx"}]}}';
    const { targets } = kubernetesFramework.parse(text, 'pod.json');
    const hostNetwork = kubernetesFramework.rules.find((rule) => rule.id === 'k8s-host-network')!;
    expect(hostNetwork.check(targets[0]!)).toEqual([{ line: 1, resource: 'Pod/j' }]);
  });

  it('skips an unparseable Helm template quietly, with an info notice at most', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n{{ include "chart.labels" . | indent 4 }}\nspec:\n  containers: []\n';
    const { targets, problems } = kubernetesFramework.parse(text, 'templates/pod.yaml');
    expect(targets).toEqual([]);
    expect(problems.every((problem) => problem.level === 'info')).toBe(true);
  });

  it('does not judge template placeholders as image references', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: app\n      image: "{{ .Values.image }}"\n';
    const { targets } = kubernetesFramework.parse(text, 'templates/pod.yaml');
    const latest = kubernetesFramework.rules.find((rule) => rule.id === 'k8s-image-latest-tag')!;
    expect(targets).toHaveLength(1);
    expect(latest.check(targets[0]!)).toEqual([]);
  });
});
