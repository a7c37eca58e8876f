import { defineSecretRule, type SecretRule } from '../rule.js';

// Connection strings with an embedded password: database and broker URIs (`scheme://user:password@host`),
// JDBC / ADO.NET / libpq key-value forms, and credentials in http(s)/ftp/smtp/… URLs. The password is the
// secret. Placeholders and variables (`${DB_PASSWORD}`, `$PASS`, `%s`, `{password}`, `<password>`,
// `****`), dictionary words (`password`, `secret`, `changeme`, `postgres`, … also in leetspeak or with
// digits appended), short lower-case words (`devpass`), a password equal to the user name (`guest:guest`),
// anonymous FTP and hosts that are themselves placeholders (`@host`, `@example.com`) are not reported.
// Digit-only passwords (`…:830417@`) are: they are weak but real.

/** Words that, once lower-cased, de-leeted and stripped of digits and symbols, mark a documentation password. */
const PLACEHOLDER_WORDS = new Set(
  (
    'pass passwd password passwort passphrase pwd pw secret secrets changeme changeit admin administrator root toor ' +
    'test tests testing tester guest user username usr login default demo foo bar baz foobar qux quux hello world ' +
    'example sample dummy fake mock none null nil undefined empty blank hidden masked mask redacted removed omitted ' +
    'censored postgres postgresql pg psql mysql mariadb mongo mongodb redis rabbit rabbitmq amqp sa mssql sqlserver ' +
    'oracle tiger scott db database dbpass dbpassword dbuser qwerty letmein welcome hunter iloveyou abc abcd ' +
    'key apikey token accesstoken value string str text word mypassword mysecret mypass credential credentials auth ' +
    'dev development local localhost prod production staging stage app application service docker compose ' +
    'secure insecure super supersecret topsecret private public server client host hostname port data temp tmp ' +
    'new old my the ok yes no true false enter type put insert replace change set required optional something ' +
    'xyz xy x p s u'
  ).split(' '),
);

const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** True when a password taken from a connection string is a placeholder, variable or documentation word. */
function isPlaceholderPassword(raw: string): boolean {
  const value = safeDecode(raw);
  if (value.length < 6) return true;
  if (/^[a-z]+$/.test(value) && value.length < 16) return true; // a lower-case word: `devpass`, `bobwillknow`
  if (/^[$%{<[(*:@&#=]/.test(value)) return true; // variables, templates, masks, malformed
  if (/\$\{|\{\{|\}\}|%\(|%[sd]\b|\$\(|[<>]|\{\w*\}|%[A-Za-z_]+%|\*{3}|\.{3}/.test(value)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true; // DB_PASS, MYSQL_ROOT_PASSWORD: an environment variable name
  if (/^[x*•#?._-]+$/i.test(value)) return true;
  const lower = value.toLowerCase();
  if (/passw|secret|changeme|change_me|change-me|redacted|placeholder|example|sample|dummy|your/.test(lower)) return true;
  const plain = [...lower].map((ch) => LEET[ch] ?? ch).join('');
  if (/passw|secret|changeme/.test(plain)) return true;
  const letters = plain.replace(/[^a-z]/g, '');
  if (PLACEHOLDER_WORDS.has(letters) || (letters.length === 0 && !/^\d+$/.test(value))) return true;
  const lettersOnly = lower.replace(/[^a-z]/g, '');
  return PLACEHOLDER_WORDS.has(lettersOnly);
}

/** Lookahead after `@`: the host must not be a documentation placeholder. */
const REAL_HOST = String.raw`(?!(?:host|hostname|server|servername|domain|address|ip|port)(?![\w.-])|[\w.-]{0,60}\bexample\.(?:com|org|net)\b)(?=[A-Za-z0-9[])`;

/**
 * `scheme://user:password@host`. The user may be empty (`redis://:pw@host`); the password may contain
 * `@`, `#`, `?` and `:` unencoded (the last `@` before the host wins) but no `/`, whitespace or quotes.
 * A password equal to the user name is skipped.
 */
function uriPattern(schemes: string): RegExp {
  return new RegExp(
    String.raw`(?<scheme>${schemes})(?<![\w+.-]\k<scheme>)://(?!anonymous:)(?<user>[^\s:/?#'"\x60<>\\]{0,64}):(?!\k<user>@)(?<secret>[^\s/'"\x60<>\\]{1,128})@${REAL_HOST}`,
    'i',
  );
}

const ROTATE =
  'Change the password on the server, update the applications that use it, and pass the connection string through ' +
  'an environment variable or a secret manager instead of the code or configuration file.';

function uriRule(id: string, title: string, what: string, schemes: string, keywords: string[], reference: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description: `A ${what} connection URI with an embedded password gives its holder the account's access to that ${what.includes('broker') || what.includes('Redis') ? 'service' : 'database'}. ${ROTATE}`,
    keywords,
    pattern: uriPattern(schemes),
    maxLength: 300,
    minEntropy: 2,
    accept: (secret) => !isPlaceholderPassword(secret),
    references: [reference],
  });
}

export const connectionStringRules: readonly SecretRule[] = [
  uriRule(
    'connection-string-postgres',
    'PostgreSQL connection URI with password',
    'PostgreSQL',
    String.raw`postgres(?:ql)?(?:\+[a-z0-9]{2,20})?`,
    ['postgres'],
    'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS',
  ),
  uriRule(
    'connection-string-mysql',
    'MySQL / MariaDB connection URI with password',
    'MySQL or MariaDB',
    String.raw`mysql(?:x)?(?:\+[a-z0-9]{2,20})?|mariadb(?:\+[a-z0-9]{2,20})?`,
    ['mysql', 'mariadb'],
    'https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html',
  ),
  uriRule(
    'connection-string-mongodb',
    'MongoDB connection URI with password',
    'MongoDB',
    String.raw`mongodb(?:\+srv)?`,
    ['mongodb'],
    'https://www.mongodb.com/docs/manual/reference/connection-string/',
  ),
  uriRule(
    'connection-string-redis',
    'Redis connection URI with password',
    'Redis',
    String.raw`rediss?|redis\+sentinel|valkey|valkeys`,
    ['redis', 'valkey'],
    'https://www.iana.org/assignments/uri-schemes/prov/redis',
  ),
  uriRule(
    'connection-string-amqp',
    'AMQP (RabbitMQ) connection URI with password',
    'AMQP message broker',
    'amqps?',
    ['amqp'],
    'https://www.rabbitmq.com/docs/uri-spec',
  ),
  uriRule(
    'connection-string-mssql',
    'SQL Server connection URI with password',
    'SQL Server',
    String.raw`mssql(?:\+[a-z0-9]{2,20})?|sqlserver`,
    ['mssql', 'sqlserver'],
    'https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url',
  ),
  uriRule(
    'connection-string-database',
    'Database or broker connection URI with password',
    'database or message broker',
    String.raw`cockroachdb|clickhouse|neo4j(?:\+s|\+ssc)?|bolt(?:\+s)?|couchdb|cassandra|oracle(?:\+[a-z0-9]{2,20})?|snowflake|db2|mqtts?|nats|influxdb|kafka|memgraph|cosmosdb`,
    ['cockroachdb', 'clickhouse', 'neo4j', 'bolt', 'couchdb', 'cassandra', 'oracle', 'snowflake', 'db2', 'mqtt', 'nats', 'influxdb', 'kafka', 'memgraph', 'cosmosdb'],
    'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1',
  ),
  defineSecretRule({
    id: 'connection-string-url-credentials',
    title: 'Password in a URL',
    description:
      'A URL of the form scheme://user:password@host (HTTP basic auth, proxies, Git remotes, FTP, SMTP, LDAP) carries a reusable password or token in clear text, and URLs end up in logs and shell history. ' +
      'Rotate the credential, remove it from the URL and supply it through the client configuration or a secret store.',
    keywords: ['http', 'ftp', 'smtp', 'imap', 'pop3', 'ldap', 'ssh://', 'svn', 'rsync', 'socks', 'webdav'],
    pattern: uriPattern(String.raw`https?|git\+https?|s?ftps?|smtps?|imaps?|pop3s?|ldaps?|ssh|svn(?:\+ssh)?|rsync|socks[45]h?|webdavs?`),
    maxLength: 300,
    minEntropy: 2,
    accept: (secret) => !isPlaceholderPassword(secret),
    isGeneric: true,
    confidence: 'medium',
    references: ['https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1'],
  }),
  defineSecretRule({
    id: 'connection-string-jdbc',
    title: 'JDBC URL with password',
    description: `A JDBC URL with a password parameter (or Oracle's user/password@ form) gives its holder that database account. ${ROTATE}`,
    keywords: ['jdbc:'],
    pattern:
      /\bjdbc:(?:oracle:(?:thin|oci):[\w$#]{1,30}\/|[a-z0-9]{2,20}:[^\s'"`<>]{0,300}?[;?&:](?:password|Password|PASSWORD|pwd|PWD)=)(?<secret>[^\s;&'"`<>@]{1,128})(?=[@;&\s'"`<>,)\]}]|$)/,
    maxLength: 500,
    minEntropy: 2,
    accept: (secret) => !isPlaceholderPassword(secret),
    references: ['https://docs.oracle.com/en/java/javase/21/docs/api/java.sql/java/sql/DriverManager.html'],
  }),
  defineSecretRule({
    id: 'connection-string-ado-net',
    title: 'ADO.NET / ODBC connection string with password',
    description: `A Server=…;User ID=…;Password=… connection string (ADO.NET, ODBC, OLE DB) gives its holder that database login. ${ROTATE}`,
    keywords: ['password', 'pwd'],
    pattern:
      /\b(?:server|data source|host|address|addr|network address|datasource)\s{0,3}=\s{0,3}[^;'"\n=]{1,200};(?:[^;'"\n]{1,200};){0,12}?\s{0,3}(?:password|pwd)\s{0,3}=\s{0,3}(?<secret>[^;'"\s]{1,128})(?=[;'"\s]|$)/i,
    maxLength: 2000,
    minEntropy: 2,
    accept: (secret) => !isPlaceholderPassword(secret),
    references: ['https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax'],
  }),
  defineSecretRule({
    id: 'connection-string-libpq',
    title: 'PostgreSQL key/value connection string with password',
    description: `A libpq keyword/value string (host=… dbname=… user=… password=…) gives its holder that PostgreSQL login. ${ROTATE}`,
    keywords: ['password='],
    pattern:
      /\b(?:host|hostaddr|dbname|user)=[^\s'"=]{1,100}(?:[ \t]{1,4}[a-z_]{2,30}=[^\s'"=]{0,100}){0,10}?[ \t]{1,4}password=(?<secret>[^\s'"]{1,128})(?=[\s'"]|$)/,
    maxLength: 1000,
    minEntropy: 2,
    accept: (secret) => !isPlaceholderPassword(secret),
    references: ['https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE'],
  }),
];
