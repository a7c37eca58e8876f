import { Value } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';
import { err, ok, type Result } from '../core/result.js';
import { ConfigSchema, type BulwarkConfig } from './schema.js';

/** `/secrets/rules/0/pattern` → `secrets.rules[0].pattern`, the way users write it. */
function keyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

/** Check a parsed config; the first errors name the offending keys. */
export function validateConfig(data: unknown, source: string): Result<BulwarkConfig, string> {
  const value = data === null || data === undefined ? {} : data;
  if (Value.Check(ConfigSchema, value)) {
    const config = value as BulwarkConfig;
    for (const [index, pattern] of (config.secrets?.allowlist?.values ?? []).entries()) {
      try {
        new RegExp(pattern);
      } catch (error) {
        return err(`${source}: secrets.allowlist.values[${index}] is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    for (const [index, rule] of (config.secrets?.rules ?? []).entries()) {
      try {
        new RegExp(rule.pattern);
      } catch (error) {
        return err(`${source}: secrets.rules[${index}].pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    return ok(config);
  }
  const lines: string[] = [];
  for (const error of Value.Errors(ConfigSchema, value)) {
    const path = keyPath(error.path);
    lines.push(error.message === 'Unexpected property' ? `unknown key "${path}"` : `${path === '' ? '(top level)' : path}: ${error.message}`);
    if (lines.length >= 5) break;
  }
  return err(`${source}: invalid configuration:\n  ${[...new Set(lines)].join('\n  ')}`);
}

export function parseConfig(text: string, source: string): Result<BulwarkConfig, string> {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return err(`${source}: not valid YAML: ${document.errors[0]?.message ?? 'parse error'}`);
  }
  return validateConfig(document.toJS({ maxAliasCount: 100 }) as unknown, source);
}
