import { ANYWHERE, exposedAdminPorts, isAllTraffic, type Ingress } from '../../network.js';
import type { IacRule, Violation } from '../../types.js';
import type { TfResource } from '../framework.js';
import type { HclBody } from '../hcl.js';
import { at, attribute, blocksOf, firstBlock, isResource, literalBool, literalNumber, literalString, literalStrings } from '../values.js';

function describeIngress(body: HclBody, protocolKey: string, cidrKeys: readonly string[]): Ingress {
  const openLines = cidrKeys.flatMap((key) =>
    literalStrings(attribute(body, key)?.value)
      .filter((cidr) => ANYWHERE.has(cidr.value.trim()))
      .map((cidr) => cidr.line),
  );
  const protocol = literalString(attribute(body, protocolKey)?.value)?.trim().toLowerCase();
  const from = literalNumber(attribute(body, 'from_port')?.value);
  const to = literalNumber(attribute(body, 'to_port')?.value);
  return { ...(protocol !== undefined ? { protocol } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), openLines };
}

function ingressesOf(target: TfResource): Ingress[] {
  if (isResource(target, 'aws_security_group')) return blocksOf(target.body, 'ingress').map((block) => describeIngress(block.body, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']));
  if (isResource(target, 'aws_security_group_rule')) {
    return literalString(attribute(target.body, 'type')?.value) === 'ingress' ? [describeIngress(target.body, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks'])] : [];
  }
  if (isResource(target, 'aws_vpc_security_group_ingress_rule')) return [describeIngress(target.body, 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6'])];
  return [];
}

const TCP = new Set(['tcp', '6']);
const adminPortOpen: IacRule<TfResource> = {
  id: 'tf-sg-admin-port-open',
  title: 'Security group opens SSH or RDP to the internet',
  description:
    'An ingress rule lets 0.0.0.0/0 or ::/0 reach port 22 (SSH) or 3389 (RDP). Remote-login ports open to the whole internet are scanned and brute-forced within minutes, and any login flaw becomes a way in.',
  severity: 'high',
  cwe: 284,
  remediation: 'Allow these ports only from known address ranges or a bastion security group, or close them and use SSM Session Manager.',
  check: (target) =>
    ingressesOf(target).flatMap((ingress): Violation[] => {
      // Every-port rules are the all-traffic rule's finding.
      if (isAllTraffic(ingress) || ingress.protocol === undefined || !TCP.has(ingress.protocol)) return [];
      const { from, to } = ingress;
      if (from === undefined || to === undefined) return [];
      const exposed = exposedAdminPorts(from, to);
      return exposed.length === 0 ? [] : ingress.openLines.flatMap((line) => at(target, line, `${exposed.join(', ')} open to the internet`));
    }),
};

const allTrafficOpen: IacRule<TfResource> = {
  id: 'tf-sg-all-traffic-open',
  title: 'Security group allows all traffic from the internet',
  description:
    'An ingress rule allows every protocol (`-1`) or the whole port range from 0.0.0.0/0 or ::/0: every service listening on the instances, including ones never meant to be public, can be reached from anywhere.',
  severity: 'high',
  cwe: 284,
  remediation: 'Open only the ports the service needs (usually 443), and only to the address ranges or security groups that must reach it.',
  check: (target) => ingressesOf(target).flatMap((ingress) => (isAllTraffic(ingress) ? ingress.openLines.flatMap((line) => at(target, line, 'all ports open to the internet')) : [])),
};

const listenerHttp: IacRule<TfResource> = {
  id: 'tf-lb-listener-http',
  title: 'Load balancer listener serves plain HTTP',
  description:
    'A load balancer listener uses `protocol = "HTTP"` and does not redirect to HTTPS, so requests, cookies and credentials cross the network unencrypted and can be read or changed on the way.',
  severity: 'medium',
  cwe: 319,
  remediation: 'Listen with `protocol = "HTTPS"` and a certificate, and make the port-80 listener a `redirect` to HTTPS (`status_code = "HTTP_301"`).',
  check: (target) => {
    if (!isResource(target, 'aws_lb_listener', 'aws_alb_listener')) return [];
    const protocol = attribute(target.body, 'protocol');
    if (!protocol || literalString(protocol.value)?.toUpperCase() !== 'HTTP') return [];
    const actions = blocksOf(target.body, 'default_action');
    // A computed action type might be a redirect: only literal non-redirect actions fire.
    const redirects = actions.some((action) => {
      const type = attribute(action.body, 'type');
      return type === undefined || literalString(type.value) === undefined || literalString(type.value) === 'redirect';
    });
    return redirects || actions.length === 0 ? [] : at(target, protocol.line, 'HTTP listener without a redirect to HTTPS');
  },
};

const eksPublicEndpoint: IacRule<TfResource> = {
  id: 'tf-eks-public-endpoint',
  title: 'EKS API endpoint is open to the internet',
  description:
    'The cluster’s Kubernetes API endpoint is public (`endpoint_public_access` is true by default) and `public_access_cidrs` does not narrow it, so anyone can reach the API server and try stolen or leaked credentials against it.',
  severity: 'medium',
  cwe: 284,
  remediation: 'Set `endpoint_public_access = false` and `endpoint_private_access = true`, or list your office/VPN ranges in `public_access_cidrs`.',
  check: (target) => {
    if (!isResource(target, 'aws_eks_cluster')) return [];
    const config = firstBlock(target.body, 'vpc_config');
    if (!config) return [];
    const publicAccess = attribute(config.body, 'endpoint_public_access');
    if (publicAccess && literalBool(publicAccess.value) !== true) return [];
    const cidrs = attribute(config.body, 'public_access_cidrs');
    if (cidrs) {
      const values = literalStrings(cidrs.value);
      const known = cidrs.value.kind === 'list' && values.length === cidrs.value.items.length;
      if (!known || !values.some((cidr) => ANYWHERE.has(cidr.value.trim()))) return [];
    }
    return at(target, publicAccess?.line ?? config.line, cidrs ? 'public endpoint open to 0.0.0.0/0' : 'public endpoint with no public_access_cidrs');
  },
};

export const NETWORK_RULES: readonly IacRule<TfResource>[] = [adminPortOpen, allTrafficOpen, listenerHttp, eksPublicEndpoint];
