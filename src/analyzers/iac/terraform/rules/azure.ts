import type { IacRule, Violation } from '../../types.js';
import type { TfResource } from '../framework.js';
import type { HclBody } from '../hcl.js';
import { at, attribute, blocksOf, firstBlock, isResource, literalBool, literalString, literalStrings, requireTrue } from '../values.js';
import { ADMIN_PORTS } from '../../network.js';
import { portSpecCovers } from './gcp.js';

/** Source prefixes that mean "any address": `*`, the all-addresses CIDRs, and the `Internet` service tag. */
const ANY_SOURCE = new Set(['*', '0.0.0.0', '0.0.0.0/0', '::/0', 'internet', 'any']);

function literalLower(body: HclBody, name: string): string | undefined {
  return literalString(attribute(body, name)?.value)?.trim().toLowerCase();
}

/** Admin ports an NSG rule body allows inbound from anywhere, with the lines of its open sources. */
function openAdminAccess(rule: HclBody): { exposed: string[]; lines: number[] } {
  const none = { exposed: [], lines: [] };
  if (literalLower(rule, 'direction') !== 'inbound' || literalLower(rule, 'access') !== 'allow') return none;
  const protocol = literalLower(rule, 'protocol');
  if (protocol !== 'tcp' && protocol !== '*') return none;
  const specs = ['destination_port_range', 'destination_port_ranges'].flatMap((name) => literalStrings(attribute(rule, name)?.value).map((spec) => spec.value.trim()));
  const exposed = [...ADMIN_PORTS].filter(([port]) => specs.some((spec) => spec === '*' || portSpecCovers(spec, port))).map(([port, name]) => `${name} (${port})`);
  if (exposed.length === 0) return none;
  const lines = ['source_address_prefix', 'source_address_prefixes'].flatMap((name) =>
    literalStrings(attribute(rule, name)?.value)
      .filter((prefix) => ANY_SOURCE.has(prefix.value.trim().toLowerCase()))
      .map((prefix) => prefix.line),
  );
  return { exposed, lines };
}

const nsgAdminPortOpen: IacRule<TfResource> = {
  id: 'tf-azure-nsg-admin-port-open',
  title: 'Network security group opens SSH or RDP to the internet',
  description:
    'An inbound Allow rule lets any source (`*`, 0.0.0.0/0 or the `Internet` tag) reach port 22 or 3389. Remote-login ports open to everyone are scanned and brute-forced continuously, and any login flaw becomes a way in.',
  severity: 'high',
  cwe: 284,
  remediation: 'Restrict `source_address_prefix` to known ranges, or close the port and use Azure Bastion or just-in-time VM access.',
  check: (target): Violation[] => {
    const rules = isResource(target, 'azurerm_network_security_rule')
      ? [target.body]
      : isResource(target, 'azurerm_network_security_group')
        ? blocksOf(target.body, 'security_rule').map((block) => block.body)
        : [];
    return rules.flatMap((rule) => {
      const { exposed, lines } = openAdminAccess(rule);
      return lines.flatMap((line) => at(target, line, `${exposed.join(', ')} open to the internet`));
    });
  },
};

const FIREWALL_RULE_TYPES = [
  'azurerm_mssql_firewall_rule',
  'azurerm_sql_firewall_rule',
  'azurerm_postgresql_firewall_rule',
  'azurerm_postgresql_flexible_server_firewall_rule',
  'azurerm_mysql_firewall_rule',
  'azurerm_mysql_flexible_server_firewall_rule',
  'azurerm_mariadb_firewall_rule',
] as const;

const dbFirewallAllIps: IacRule<TfResource> = {
  id: 'tf-azure-db-firewall-all-ips',
  title: 'Azure database firewall allows every IPv4 address',
  description:
    'A server firewall rule spans 0.0.0.0 to 255.255.255.255, so every host on the internet can reach the database endpoint and try to log in. (The special 0.0.0.0–0.0.0.0 rule, which admits Azure services, is a different setting.)',
  severity: 'high',
  cwe: 284,
  remediation: 'Allow only the addresses that must connect, or turn off public network access and use a private endpoint.',
  check: (target) => {
    if (!isResource(target, ...FIREWALL_RULE_TYPES)) return [];
    const start = attribute(target.body, 'start_ip_address');
    const end = attribute(target.body, 'end_ip_address');
    if (!start || literalString(start.value)?.trim() !== '0.0.0.0' || literalString(end?.value)?.trim() !== '255.255.255.255') return [];
    return at(target, start.line, 'range 0.0.0.0 - 255.255.255.255');
  },
};

const keyVaultNoPurgeProtection: IacRule<TfResource> = {
  id: 'tf-azure-key-vault-no-purge-protection',
  title: 'Key Vault purge protection is off',
  description:
    '`purge_protection_enabled` is false or left out, so a deleted vault and its keys and secrets can be purged before the retention period ends: a mistake or an attacker with delete rights can destroy keys that data depends on, for good.',
  severity: 'medium',
  cwe: 693,
  remediation: 'Set `purge_protection_enabled = true` (it cannot be turned off again) and keep `soft_delete_retention_days` at a sensible value.',
  check: (target) => (isResource(target, 'azurerm_key_vault') ? requireTrue(target, target.body, 'purge_protection_enabled', target.line, 'vault can be purged') : []),
};

const aksRbacDisabled: IacRule<TfResource> = {
  id: 'tf-aks-rbac-disabled',
  title: 'AKS cluster has Kubernetes RBAC turned off',
  description:
    'Role-based access control is disabled on the cluster, so the API server does not limit what an authenticated user or service account may do: any credential for the cluster acts with full rights.',
  severity: 'high',
  cwe: 269,
  remediation: 'Set `role_based_access_control_enabled = true` (the default; `role_based_access_control { enabled = true }` on provider 2.x). It can only be set when the cluster is created.',
  check: (target) => {
    if (!isResource(target, 'azurerm_kubernetes_cluster')) return [];
    const flags = [attribute(target.body, 'role_based_access_control_enabled'), attribute(firstBlock(target.body, 'role_based_access_control')?.body, 'enabled')];
    return flags.flatMap((flag) => (flag && literalBool(flag.value) === false ? at(target, flag.line, 'RBAC disabled') : []));
  },
};

const PUBLIC_ACCESS_TYPES = new Set(['blob', 'container']);

const storageContainerPublic: IacRule<TfResource> = {
  id: 'tf-azure-storage-container-public',
  title: 'Azure storage container allows anonymous reads',
  description:
    '`container_access_type` is `blob` (anyone can read a blob by its URL) or `container` (anyone can also list the container), so its data is readable without credentials.',
  severity: 'high',
  cwe: 732,
  remediation: 'Set `container_access_type = "private"` (the default) and give access with Entra ID roles or short-lived SAS tokens; also set `allow_nested_items_to_be_public = false` on the account.',
  check: (target) => {
    if (!isResource(target, 'azurerm_storage_container')) return [];
    const attr = attribute(target.body, 'container_access_type');
    const value = literalString(attr?.value)?.trim();
    return attr && value !== undefined && PUBLIC_ACCESS_TYPES.has(value) ? at(target, attr.line, `container_access_type = "${value}"`) : [];
  },
};

export const AZURE_RULES: readonly IacRule<TfResource>[] = [nsgAdminPortOpen, dbFirewallAllIps, keyVaultNoPurgeProtection, aksRbacDisabled, storageContainerPublic];
