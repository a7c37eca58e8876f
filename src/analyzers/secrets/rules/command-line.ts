import { defineSecretRule, type SecretRule } from '../rule.js';

// Passwords handed to database and remote-shell clients on their command line end up in scripts,
// CI logs and shell history. Values that are variables or prompts are not secrets.
const VALUE = String.raw`['"]?(?<secret>(?![$%<{])[^\s'"\x60;|&]{6,128})['"]?(?=[\s;|&)]|$)`;
const ROTATE = 'Change the password, then let the client read it from its own config file, a credentials store or an environment variable set outside the repository.';

export const commandLineRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'command-line-sshpass-password',
    title: 'Password on an sshpass command line',
    description: `sshpass -p puts an SSH password in the command, visible in scripts, process lists and history. ${ROTATE}`,
    keywords: ['sshpass'],
    pattern: new RegExp(String.raw`\bsshpass[ \t]{1,4}-p[ \t]{0,4}${VALUE}`),
    maxLength: 160,
    minEntropy: 2.5,
    confidence: 'medium',
    references: ['https://manpages.debian.org/bookworm/sshpass/sshpass.1.en.html'],
  }),
  defineSecretRule({
    id: 'command-line-redis-password',
    title: 'Password on a redis-cli command line',
    description: `redis-cli -a passes the Redis password in the command. ${ROTATE}`,
    keywords: ['redis-cli'],
    pattern: new RegExp(String.raw`\bredis-cli\b[^\n|;&]{0,200}?[ \t](?:-a|--pass)[ \t]{1,4}${VALUE}`),
    maxLength: 360,
    minEntropy: 2.5,
    confidence: 'medium',
    references: ['https://redis.io/docs/latest/develop/tools/cli/'],
  }),
  defineSecretRule({
    id: 'command-line-mysql-password',
    title: 'Password on a mysql command line',
    description: `mysql, mysqldump and mysqladmin take -p<password> or --password=<password> in the command. ${ROTATE}`,
    keywords: ['mysql', 'mariadb'],
    pattern: new RegExp(
      String.raw`\b(?:mysql(?:dump|admin|import|sh)?|mariadb(?:-dump|-admin)?)\b[^\n|;&]{0,200}?[ \t](?:-p(?=[^\s-])|--password=)${VALUE}`,
    ),
    maxLength: 360,
    minEntropy: 2.5,
    confidence: 'medium',
    references: ['https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html'],
  }),
];
