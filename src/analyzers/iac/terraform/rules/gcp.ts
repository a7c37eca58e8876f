import { ADMIN_PORTS, ANYWHERE } from '../../network.js';
import type { IacRule, Violation } from '../../types.js';
import type { TfResource } from '../framework.js';
import type { HclBody } from '../hcl.js';
import { at, attribute, blocksOf, firstBlock, isResource, literalBool, literalString, literalStrings } from '../values.js';


/** Whether a literal port spec (`22`, `20-25`, and `*` where the caller allows it) covers `port`. */
export function portSpecCovers(spec: string, port: number): boolean {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(spec);
  if (!match?.[1]) return false;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= port && port <= to;
}

/** Has a `dynamic "name"` block, whose content is computed: a rule about a missing `name` block cannot tell. */
function hasDynamic(body: HclBody, name: string): boolean {
  return blocksOf(body, 'dynamic').some((block) => block.labels[0] === name);
}

/** Admin ports an `allow` block of a firewall lets through (computed port specs count as none). */
function allowedAdminPorts(allow: HclBody): string[] {
  const protocol = literalString(attribute(allow, 'protocol')?.value)?.trim().toLowerCase();
  if (protocol !== 'tcp' && protocol !== '6' && protocol !== 'all') return [];
  const ports = attribute(allow, 'ports');
  // No `ports` (or protocol all) means every port of the protocol.
  const specs = protocol === 'all' || ports === undefined ? undefined : literalStrings(ports.value).map((spec) => spec.value);
  return [...ADMIN_PORTS].filter(([port]) => specs === undefined || specs.some((spec) => portSpecCovers(spec, port))).map(([port, name]) => `${name} (${port})`);
}

const firewallAdminPortOpen: IacRule<TfResource> = {
  id: 'tf-gcp-firewall-admin-port-open',
  title: 'GCP firewall opens SSH or RDP to the internet',
  description:
    'An ingress firewall rule lets 0.0.0.0/0 (or ::/0) reach TCP port 22 or 3389 on the network’s instances. Remote-login ports reachable from anywhere are found by scanners at once and brute-forced or exploited.',
  severity: 'high',
  cwe: 284,
  remediation: 'Limit `source_ranges` to known address ranges (for example 35.235.240.0/20 for Identity-Aware Proxy TCP forwarding), or remove the rule and use IAP or OS Login through a bastion.',
  check: (target) => {
    if (!isResource(target, 'google_compute_firewall')) return [];
    if (literalBool(attribute(target.body, 'disabled')?.value) === true) return [];
    const direction = attribute(target.body, 'direction');
    // INGRESS is the default; a computed direction may be egress.
    if (direction && literalString(direction.value)?.toUpperCase() !== 'INGRESS') return [];
    const exposed = [...new Set(blocksOf(target.body, 'allow').flatMap((allow) => allowedAdminPorts(allow.body)))];
    if (exposed.length === 0) return [];
    const openLines = literalStrings(attribute(target.body, 'source_ranges')?.value)
      .filter((range) => ANYWHERE.has(range.value.trim()))
      .map((range) => range.line);
    return openLines.flatMap((line) => at(target, line, `${exposed.join(', ')} open to the internet`));
  },
};

/** `settings.ip_configuration` of a Cloud SQL instance. */
function ipConfigurationOf(target: TfResource): { settings?: HclBody; settingsLine?: number; ip?: { body: HclBody; line: number } } {
  const settings = firstBlock(target.body, 'settings');
  if (!settings) return {};
  const ip = firstBlock(settings.body, 'ip_configuration');
  return { settings: settings.body, settingsLine: settings.line, ...(ip ? { ip: { body: ip.body, line: ip.line } } : {}) };
}

/** The public IP is on unless `ipv4_enabled` is literally false (the provider default is true). */
function hasPublicIp(ip: HclBody | undefined): boolean {
  return literalBool(attribute(ip, 'ipv4_enabled')?.value) !== false;
}

const sqlOpenToInternet: IacRule<TfResource> = {
  id: 'tf-gcp-sql-open-to-internet',
  title: 'Cloud SQL instance accepts connections from any address',
  description:
    'The instance has a public IP and an `authorized_networks` entry of 0.0.0.0/0 (or ::/0), so every host on the internet can reach the database port and try to log in.',
  severity: 'high',
  cwe: 284,
  remediation: 'Remove the 0.0.0.0/0 authorized network; list only the addresses that must connect, or turn off `ipv4_enabled` and connect over private IP or the Cloud SQL Auth Proxy.',
  check: (target) => {
    if (!isResource(target, 'google_sql_database_instance')) return [];
    const { ip } = ipConfigurationOf(target);
    if (!ip || !hasPublicIp(ip.body)) return [];
    return blocksOf(ip.body, 'authorized_networks').flatMap((network) =>
      literalStrings(attribute(network.body, 'value')?.value)
        .filter((value) => ANYWHERE.has(value.value.trim()))
        .flatMap((value) => at(target, value.line, `authorized network ${value.value.trim()}`)),
    );
  },
};

const ENFORCING_SSL_MODES = new Set(['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED']);

const sqlSslNotRequired: IacRule<TfResource> = {
  id: 'tf-gcp-sql-ssl-not-required',
  title: 'Cloud SQL instance with a public IP accepts unencrypted connections',
  description:
    'The instance has a public IP but neither `ssl_mode` nor `require_ssl` enforces TLS (the default allows plain connections), so clients can send credentials and query results unencrypted across the internet.',
  severity: 'medium',
  cwe: 319,
  remediation: 'Set `ssl_mode = "ENCRYPTED_ONLY"` (or `"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"`) in `settings.ip_configuration`; on older providers, `require_ssl = true`.',
  check: (target): Violation[] => {
    if (!isResource(target, 'google_sql_database_instance')) return [];
    const { settings, settingsLine, ip } = ipConfigurationOf(target);
    if (!settings || settingsLine === undefined) return [];
    // A computed ip_configuration may turn off the public IP or enforce TLS.
    if (!ip && hasDynamic(settings, 'ip_configuration')) return [];
    if (!hasPublicIp(ip?.body)) return [];
    const mode = attribute(ip?.body, 'ssl_mode');
    const requireSsl = attribute(ip?.body, 'require_ssl');
    if (mode) {
      const value = literalString(mode.value);
      return value !== undefined && !ENFORCING_SSL_MODES.has(value) && literalBool(requireSsl?.value) !== true ? at(target, mode.line, `ssl_mode = "${value}"`) : [];
    }
    if (requireSsl) return literalBool(requireSsl.value) === false ? at(target, requireSsl.line, 'require_ssl = false') : [];
    return at(target, ip?.line ?? settingsLine, 'no ssl_mode or require_ssl: plain connections allowed');
  },
};

const gkeLegacyAbac: IacRule<TfResource> = {
  id: 'tf-gke-legacy-abac-enabled',
  title: 'GKE cluster uses legacy ABAC authorization',
  description:
    '`enable_legacy_abac = true` turns on attribute-based access control beside RBAC. Its static policies grant broad rights (service accounts may get full API access) that RBAC roles and audits do not show.',
  severity: 'high',
  cwe: 269,
  remediation: 'Remove `enable_legacy_abac` (false is the default) and grant access with Kubernetes RBAC and IAM.',
  check: (target) => {
    if (!isResource(target, 'google_container_cluster')) return [];
    const attr = attribute(target.body, 'enable_legacy_abac');
    return attr && literalBool(attr.value) === true ? at(target, attr.line, 'enable_legacy_abac = true') : [];
  },
};

/** Whether the control plane may have no public IP endpoint (so there may be nothing to narrow); computed settings count as may. */
function mayLackPublicEndpoint(body: HclBody): boolean {
  const privateEndpoint = attribute(firstBlock(body, 'private_cluster_config')?.body, 'enable_private_endpoint');
  if (privateEndpoint && literalBool(privateEndpoint.value) !== false) return true;
  const ipEndpoints = attribute(firstBlock(firstBlock(body, 'control_plane_endpoints_config')?.body, 'ip_endpoints_config')?.body, 'enabled');
  return ipEndpoints !== undefined && literalBool(ipEndpoints.value) !== true;
}

const gkeNoAuthorizedNetworks: IacRule<TfResource> = {
  id: 'tf-gke-no-master-authorized-networks',
  title: 'GKE control plane is reachable from any address',
  description:
    'The cluster has a public control-plane endpoint and no `master_authorized_networks_config`, so the Kubernetes API server accepts connections from the whole internet, where leaked credentials and API-server flaws can be tried against it.',
  severity: 'medium',
  cwe: 284,
  remediation: 'Add `master_authorized_networks_config` with `cidr_blocks` for your office, VPN or CI ranges, or make the endpoint private (`private_cluster_config { enable_private_endpoint = true }`).',
  check: (target) => {
    if (!isResource(target, 'google_container_cluster')) return [];
    if (firstBlock(target.body, 'master_authorized_networks_config') || hasDynamic(target.body, 'master_authorized_networks_config')) return [];
    if (hasDynamic(target.body, 'private_cluster_config') || hasDynamic(target.body, 'control_plane_endpoints_config') || mayLackPublicEndpoint(target.body)) return [];
    return at(target, target.line, 'no master_authorized_networks_config on a public endpoint');
  },
};

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

const gcsPublicIam: IacRule<TfResource> = {
  id: 'tf-gcs-bucket-public-iam',
  title: 'Cloud Storage bucket is granted to everyone',
  description:
    'A bucket IAM binding or member grants a role to `allUsers` (anyone on the internet) or `allAuthenticatedUsers` (anyone with any Google account), so the bucket’s objects, or more, are public.',
  severity: 'high',
  cwe: 732,
  remediation: 'Grant the role to specific users, groups or service accounts; serve deliberately public content through a CDN or signed URLs instead.',
  check: (target) => {
    const key = isResource(target, 'google_storage_bucket_iam_binding') ? 'members' : isResource(target, 'google_storage_bucket_iam_member') ? 'member' : undefined;
    if (key === undefined) return [];
    return literalStrings(attribute(target.body, key)?.value)
      .filter((member) => PUBLIC_MEMBERS.has(member.value.trim()))
      .flatMap((member) => at(target, member.line, `granted to ${member.value.trim()}`));
  },
};

const CLOUD_PLATFORM_SCOPES = new Set(['cloud-platform', 'https://www.googleapis.com/auth/cloud-platform']);

/** Compute Engine's default service account is `<project-number>-compute@developer.gserviceaccount.com`. */
function usesDefaultServiceAccount(account: HclBody): boolean {
  const email = attribute(account, 'email');
  if (email === undefined) return true;
  return literalString(email.value)?.trim().endsWith('-compute@developer.gserviceaccount.com') === true;
}

const instanceDefaultSaFullScope: IacRule<TfResource> = {
  id: 'tf-gcp-instance-default-sa-full-scope',
  title: 'VM runs as the default service account with full cloud-platform scope',
  description:
    'The instance uses the Compute Engine default service account (which holds the project Editor role unless it was removed) with the `cloud-platform` scope, so any code running on the VM, or an SSRF to its metadata server, gets edit rights over most of the project.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Attach a dedicated service account (`email`) with only the IAM roles the workload needs, and keep `cloud-platform` scope only with such an account.',
  check: (target) => {
    if (!isResource(target, 'google_compute_instance', 'google_compute_instance_template')) return [];
    return blocksOf(target.body, 'service_account')
      .filter((account) => usesDefaultServiceAccount(account.body))
      .flatMap((account) =>
        literalStrings(attribute(account.body, 'scopes')?.value)
          .filter((scope) => CLOUD_PLATFORM_SCOPES.has(scope.value.trim()))
          .flatMap((scope) => at(target, scope.line, 'default service account with cloud-platform scope')),
      );
  },
};

export const GCP_RULES: readonly IacRule<TfResource>[] = [
  firewallAdminPortOpen,
  sqlOpenToInternet,
  sqlSslNotRequired,
  gkeLegacyAbac,
  gkeNoAuthorizedNetworks,
  gcsPublicIam,
  instanceDefaultSaFullScope,
];
