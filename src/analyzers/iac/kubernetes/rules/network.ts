import type { IacRule } from '../../types.js';
import { stringsOf, type K8sObject } from '../model.js';

const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

/** Annotations by which cloud providers make a LoadBalancer Service internal to the network. */
const INTERNAL_LB_ANNOTATIONS: Readonly<Record<string, RegExp>> = {
  'service.beta.kubernetes.io/aws-load-balancer-internal': /^(true|0\.0\.0\.0\/0)$/i,
  'service.beta.kubernetes.io/aws-load-balancer-scheme': /^internal$/i,
  'service.beta.kubernetes.io/azure-load-balancer-internal': /^true$/i,
  'networking.gke.io/load-balancer-type': /^internal$/i,
  'cloud.google.com/load-balancer-type': /^internal$/i,
  'service.beta.kubernetes.io/oci-load-balancer-internal': /^true$/i,
};

function isInternal(target: K8sObject): boolean {
  const annotations = target.root.at('metadata', 'annotations');
  return Object.entries(INTERNAL_LB_ANNOTATIONS).some(([key, pattern]) => pattern.test(annotations?.get(key)?.str() ?? ''));
}

const nodePort: IacRule<K8sObject> = {
  id: 'k8s-service-node-port',
  title: 'Service is exposed on every node (NodePort)',
  description: 'A NodePort Service opens a port on every node of the cluster, bypassing the load balancer and ingress where TLS, authentication and filtering usually live.',
  severity: 'low',
  cwe: 668,
  remediation: 'Use a ClusterIP Service behind an Ingress or an internal LoadBalancer.',
  check: (target) => {
    const type = target.root.at('spec', 'type');
    return target.kind === 'Service' && type?.str() === 'NodePort' ? [{ line: type.line, resource: target.resource }] : [];
  },
};

const openLoadBalancer: IacRule<K8sObject> = {
  id: 'k8s-load-balancer-open-to-world',
  title: 'LoadBalancer Service accepts traffic from anywhere',
  description: 'A LoadBalancer Service without `loadBalancerSourceRanges` (or with 0.0.0.0/0) gets a public address open to the whole internet.',
  severity: 'medium',
  cwe: 668,
  remediation: 'Set `spec.loadBalancerSourceRanges` to the networks that need access, or make the load balancer internal.',
  check: (target) => {
    const type = target.root.at('spec', 'type');
    if (target.kind !== 'Service' || type?.str() !== 'LoadBalancer' || isInternal(target)) return [];
    const ranges = target.root.at('spec', 'loadBalancerSourceRanges');
    const annotated = target.root.at('metadata', 'annotations', 'service.beta.kubernetes.io/load-balancer-source-ranges');
    const listed = [...stringsOf(ranges), ...(annotated?.str()?.split(',') ?? [])].map((range) => range.trim()).filter((range) => range !== '');
    if (listed.length === 0) return [{ line: type.line, resource: target.resource, detail: 'no source ranges' }];
    const open = listed.find((range) => ANYWHERE.has(range));
    return open ? [{ line: (stringsOf(ranges).includes(open) ? ranges : annotated)?.line ?? type.line, resource: target.resource, detail: `source range ${open}` }] : [];
  },
};

const ingressWithoutTls: IacRule<K8sObject> = {
  id: 'k8s-ingress-without-tls',
  title: 'Ingress serves plain HTTP (no TLS)',
  description: 'An Ingress without a `tls` section serves its hosts over unencrypted HTTP, exposing sessions and credentials to anyone on the path.',
  severity: 'medium',
  cwe: 319,
  remediation: 'Add a `spec.tls` entry with a certificate Secret (cert-manager can issue one) for every host.',
  check: (target) => {
    if (target.kind !== 'Ingress') return [];
    const tls = target.root.at('spec', 'tls');
    if (tls && tls.items().length > 0) return [];
    return [{ line: tls?.line ?? target.root.get('spec')?.line ?? target.root.line, resource: target.resource }];
  },
};

export const networkRules: readonly IacRule<K8sObject>[] = [nodePort, openLoadBalancer, ingressWithoutTls];
