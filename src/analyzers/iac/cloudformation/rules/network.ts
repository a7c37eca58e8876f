import type { Located } from '../../located-yaml.js';
import { exposedAdminPorts, isAllTraffic, type Ingress } from '../../network.js';
import type { IacRule, Violation } from '../../types.js';
import type { CfnResource } from '../framework.js';
import { at, isIntrinsic, literalNumber, literalString, property } from '../values.js';

function describeIngress(node: Located): Ingress {
  const protocol = node.get('IpProtocol');
  const openLines = [
    ['CidrIp', '0.0.0.0/0'],
    ['CidrIpv6', '::/0'],
  ].flatMap(([key = '', anywhere]) => {
    const cidr = node.get(key);
    return literalString(cidr)?.trim() === anywhere && cidr ? [cidr.line] : [];
  });
  const from = literalNumber(node.get('FromPort'));
  const to = literalNumber(node.get('ToPort'));
  const name = isIntrinsic(protocol) ? undefined : protocol?.str()?.trim().toLowerCase();
  return { ...(name !== undefined ? { protocol: name } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), openLines };
}

function ingressesOf(target: CfnResource): Ingress[] {
  if (target.type === 'AWS::EC2::SecurityGroupIngress') return target.properties ? [describeIngress(target.properties)] : [];
  if (target.type !== 'AWS::EC2::SecurityGroup') return [];
  const list = property(target, 'SecurityGroupIngress');
  return (list?.items() ?? []).filter((item) => item.isMap() && !isIntrinsic(item)).map(describeIngress);
}

const TCP = new Set(['tcp', '6']);
const adminPortOpen: IacRule<CfnResource> = {
  id: 'cfn-sg-admin-port-open',
  title: 'Security group opens SSH or RDP to the internet',
  description:
    'An ingress rule allows port 22 (SSH) or 3389 (RDP) from 0.0.0.0/0 or ::/0. Remote-login ports facing the whole internet are scanned and brute-forced within minutes, and any login flaw becomes a way in.',
  severity: 'high',
  cwe: 284,
  remediation: 'Allow these ports only from known address ranges or a bastion security group, or drop them and use SSM Session Manager.',
  check: (target) =>
    ingressesOf(target).flatMap((ingress): Violation[] => {
      if (isAllTraffic(ingress) || ingress.protocol === undefined || !TCP.has(ingress.protocol) || ingress.from === undefined || ingress.to === undefined) return [];
      const { from, to } = ingress;
      const exposed = exposedAdminPorts(from, to);
      return exposed.length === 0 ? [] : ingress.openLines.flatMap((line) => at(target, line, `${exposed.join(', ')} open to the internet`));
    }),
};

const allTrafficOpen: IacRule<CfnResource> = {
  id: 'cfn-sg-all-traffic-open',
  title: 'Security group opens all ports to the internet',
  description:
    'An ingress rule allows every protocol (`IpProtocol: -1`) or the whole TCP/UDP port range from 0.0.0.0/0 or ::/0, so every service on the instances, including ones never meant to be public, can be reached by anyone.',
  severity: 'high',
  cwe: 284,
  remediation: 'Allow only the ports the service needs, from the address ranges or security groups that need them.',
  check: (target) => ingressesOf(target).flatMap((ingress) => (isAllTraffic(ingress) ? ingress.openLines.flatMap((line) => at(target, line, 'all traffic open to the internet')) : [])),
};

/** True when every default action of an HTTP listener redirects to HTTPS (the usual port-80 listener). */
function redirectsToHttps(listener: Located): boolean {
  const actions = listener.get('DefaultActions');
  const items = actions?.items() ?? [];
  if (items.length === 0) return isIntrinsic(actions);
  return items.every((action) => {
    if (isIntrinsic(action)) return true;
    const protocol = action.at('RedirectConfig', 'Protocol');
    return literalString(action.get('Type'))?.toLowerCase() === 'redirect' && (isIntrinsic(protocol) || literalString(protocol)?.toUpperCase() === 'HTTPS');
  });
}

const listenerHttp: IacRule<CfnResource> = {
  id: 'cfn-elb-listener-http',
  title: 'Load balancer listener serves plain HTTP',
  description:
    'A load balancer listener uses `Protocol: HTTP` and forwards the traffic instead of redirecting it to HTTPS. Requests, cookies and credentials cross the network unencrypted and can be read or altered on the way.',
  severity: 'medium',
  cwe: 319,
  remediation: 'Listen with `Protocol: HTTPS` and a certificate; keep port 80 only as a listener whose default action redirects to HTTPS.',
  check: (target) => {
    if (target.type === 'AWS::ElasticLoadBalancingV2::Listener') {
      const protocol = property(target, 'Protocol');
      return protocol && literalString(protocol)?.toUpperCase() === 'HTTP' && target.properties && !redirectsToHttps(target.properties) ? at(target, protocol.line, 'HTTP listener forwards traffic') : [];
    }
    if (target.type === 'AWS::ElasticLoadBalancing::LoadBalancer') {
      return (property(target, 'Listeners')?.items() ?? []).flatMap((listener) => {
        const protocol = listener.get('Protocol');
        return protocol && literalString(protocol)?.toUpperCase() === 'HTTP' ? at(target, protocol.line, `HTTP listener on port ${listener.get('LoadBalancerPort')?.str() ?? '?'}`) : [];
      });
    }
    return [];
  },
};

export const NETWORK_RULES: readonly IacRule<CfnResource>[] = [adminPortOpen, allTrafficOpen, listenerHttp];
