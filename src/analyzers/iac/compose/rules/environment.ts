import type { IacRule, Violation } from '../../types.js';
import { isLiteralSecret } from '../../secret-names.js';
import { setting, type ComposeService } from '../framework.js';

/** The `environment:` settings as name, value and line, from either the map or the `NAME=value` list form. */
function environment(service: ComposeService): { name: string; value?: string; line: number }[] {
  const env = setting(service, 'environment');
  if (!env) return [];
  if (env.isMap()) {
    return env.entries().map(([name, value]) => {
      const text = value.str();
      return { name, line: value.line, ...(text !== undefined ? { value: text } : {}) };
    });
  }
  return env.items().flatMap((item) => {
    const entry = item.str();
    if (entry === undefined) return [];
    const equals = entry.indexOf('=');
    // A bare `NAME` passes the value through from the host environment.
    return equals < 0 ? [{ name: entry, line: item.line }] : [{ name: entry.slice(0, equals), value: entry.slice(equals + 1), line: item.line }];
  });
}

const secretInEnvironment: IacRule<ComposeService> = {
  id: 'compose-secret-in-environment',
  title: 'Secret written into the compose file',
  description:
    'An `environment:` entry with a secret-like name (password, token, API key) has a literal value. The secret is then in version control and visible to anyone who can run `docker inspect` on the container.',
  severity: 'high',
  cwe: 798,
  remediation: 'Use compose `secrets:` (mounted under /run/secrets, with `*_FILE` variables where the image supports them), or reference `${VARIABLE}` from an untracked .env file.',
  check: (service) =>
    environment(service).flatMap((setting): Violation[] =>
      setting.value !== undefined && isLiteralSecret(setting.name, setting.value) ? [{ line: setting.line, resource: service.resource, detail: `environment ${setting.name}` }] : [],
    ),
};

export const ENVIRONMENT_RULES: readonly IacRule<ComposeService>[] = [secretInEnvironment];
