#!/usr/bin/env node
// Deterministic generator for the Bulwark secrets evaluation set.
//
//   node test/secrets-eval/generate.mjs          # (re)write cases/*.jsonl
//   node test/secrets-eval/generate.mjs --check  # verify committed cases match
//
// Every token is synthetic: random characters from a seeded PRNG shaped after
// the provider's publicly documented format (checksums computed where the
// format carries one). Nothing here is, or was derived from, a real credential.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { makeRng, A, crc62Token, crc32, base62, b64url, wrap, hmacJwt, bech32 } from './lib.mjs';
import * as K from './keys.mjs';

const SEED = 'bulwark-secrets-eval/v1';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'cases');
const r = makeRng(SEED);

/** @type {{provider:string, kind:'tp'|'fp', text:string, note:string}[]} */
const cases = [];
const seen = new Set();
function add(provider, kind, text, note) {
  if (seen.has(text)) throw new Error(`duplicate case text in ${provider}: ${text.slice(0, 80)}`);
  seen.add(text);
  cases.push({ provider, kind, text, note });
}
const tp = (provider, text, note) => add(provider, 'tp', text, note);
/** token formats covered (for --list and the README) */
const FORMATS = [];
const formatList = (provider, ...descs) => descs.forEach((d) => FORMATS.push(`${provider}: ${d}`));
const fp = (provider, text, note) => add(provider, 'fp', text, note);

// ---- naming helpers -----------------------------------------------------------
function names(UP, group) {
  const words = UP.toLowerCase().split('_').filter(Boolean);
  const camel = words[0] + words.slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return {
    UP,
    snake: words.join('_'),
    camel,
    Pascal: camel[0].toUpperCase() + camel.slice(1),
    kebab: words.join('-'),
    dotted: words.join('.'),
    group,
  };
}

// ---- contexts: how a value typically lands in a file -------------------------------
const STYLES = {
  env: (n, v) => `${n.UP}=${v}`,
  envblock: (n, v) => `# runtime configuration\nNODE_ENV=production\nPORT=8080\n${n.UP}=${v}\nLOG_LEVEL=info`,
  envq: (n, v) => `${n.UP}="${v}"`,
  export: (n, v) => `export ${n.UP}='${v}'`,
  yaml: (n, v) => `${n.group}:\n  ${n.snake}: ${v}\n  timeout_seconds: 30`,
  yamlq: (n, v) => `${n.snake}: "${v}"`,
  compose: (n, v) => `services:\n  worker:\n    image: registry.internal/worker:2.8.1\n    environment:\n      - ${n.UP}=${v}\n      - QUEUE=default`,
  k8s: (n, v) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${n.group}-credentials\ntype: Opaque\nstringData:\n  ${n.UP}: "${v}"`,
  gha: (n, v) => `jobs:\n  release:\n    runs-on: ubuntu-latest\n    env:\n      ${n.UP}: ${v}\n    steps:\n      - uses: actions/checkout@v4\n      - run: make release`,
  json: (n, v) => `{\n  "${n.camel}": "${v}",\n  "retries": 3\n}`,
  py: (n, v) => `${n.UP} = "${v}"`,
  pydict: (n, v) => `SETTINGS = {\n    "${n.snake}": "${v}",\n    "debug": False,\n}`,
  js: (n, v) => `const ${n.camel} = '${v}';`,
  jsobj: (n, v) => `module.exports = {\n  ${n.camel}: "${v}",\n  region: "eu-west-1",\n};`,
  ts: (n, v) => `export const ${n.UP} = "${v}";`,
  go: (n, v) => `const ${n.camel} = "${v}"`,
  gostruct: (n, v) => `cfg := Config{\n\t${n.Pascal}: "${v}",\n\tTimeout: 10 * time.Second,\n}`,
  java: (n, v) => `private static final String ${n.UP} = "${v}";`,
  cs: (n, v) => `private const string ${n.Pascal} = "${v}";`,
  rb: (n, v) => `${n.UP} = '${v}'.freeze`,
  php: (n, v) => `define('${n.UP}', '${v}');`,
  docker: (n, v) => `FROM python:3.12-slim\nWORKDIR /srv\nENV ${n.UP}=${v}\nCOPY . .\nCMD ["python", "main.py"]`,
  xml: (n, v) => `<appSettings>\n  <add key="${n.Pascal}" value="${v}" />\n</appSettings>`,
  toml: (n, v) => `[${n.group}]\n${n.snake} = "${v}"`,
  props: (n, v) => `${n.dotted.startsWith(n.group) ? '' : n.group + '.'}${n.dotted}=${v}`,
  tf: (n, v) => `variable "${n.snake}" {\n  type    = string\n  default = "${v}"\n}`,
  ps: (n, v) => `$env:${n.UP} = "${v}"`,
  rust: (n, v) => `const ${n.UP}: &str = "${v}";`,
  kotlin: (n, v) => `val ${n.camel} = "${v}"`,
  ini: (n, v) => `[${n.group}]\n${n.snake} = ${v}`,
};
const ALL_STYLES = Object.keys(STYLES);

// ---- templates/placeholders that must NOT be reported -------------------------------
const TEMPLATE_FORMS = [
  (n) => `${n.UP}=\${${n.UP}}`,
  (n) => `env:\n  ${n.UP}: \${{ secrets.${n.UP} }}`,
  (n) => `const ${n.camel} = process.env.${n.UP};`,
  (n) => `${n.snake} = os.environ["${n.UP}"]`,
  (n) => `${n.camel} := os.Getenv("${n.UP}")`,
  (n) => `${n.snake} = ENV.fetch("${n.UP}")`,
  (n) => `String ${n.camel} = System.getenv("${n.UP}");`,
  (n) => `curl -sS -H "Authorization: Bearer $${n.UP}" https://api.${n.group}.example/v1/me`,
  (n) => `${n.snake}: {{ .Values.${n.camel} | quote }}`,
  (n) => `  ${n.snake} = var.${n.snake}`,
  (n) => `${n.snake}: "{{ ${n.snake} }}"`,
  (n) => `${n.UP}: \${${n.UP}:?${n.UP} must be set}`,
  (n) => `${n.camel}: builder.Configuration["${n.Pascal}"],`,
  (n) => `- name: ${n.UP}\n  valueFrom:\n    secretKeyRef:\n      name: ${n.group}-credentials\n      key: ${n.snake}`,
];
let templateIdx = 0;
let autoIdx = 0;

/**
 * Register one token format.
 * f = { provider, id, desc, doc, gen(i) -> token, names: [UPPER_NAME...], group,
 *       n: number of context cases, styles?: [...], custom?: [(t, i) => text],
 *       ph?: placeholder, prefix?: string, autoFp?: number, fps?: [[text, note]] }
 */
function format(f) {
  formatList(f.provider, f.desc);
  const group = f.group ?? f.provider.replace(/[^a-z0-9]/g, '');
  const styles = r.shuffle(f.styles ?? ALL_STYLES);
  const base = `${f.desc} (${f.doc})`;
  for (let i = 0; i < (f.n ?? 3); i++) {
    const t = f.gen(i);
    const n = names(r.pick(f.names), group);
    const style = styles[i % styles.length];
    tp(f.provider, STYLES[style](n, t), `${base}; context: ${style}`);
  }
  (f.custom ?? []).forEach((c, i) => {
    const t = f.gen(100 + i);
    tp(f.provider, c(t, i), `${base}; context: inline usage`);
  });
  const sample = f.gen(999);
  const ph = f.ph ?? (f.prefix ? f.prefix + 'x'.repeat(Math.max(8, sample.length - f.prefix.length)) : null);
  const auto = f.autoFp ?? 2;
  for (let k = 0; k < auto; k++) {
    const n = names(f.names[k % f.names.length], group);
    const kind = autoIdx++ % 4;
    if (kind === 0 && ph) {
      fp(f.provider, `# copy .env.example to .env and fill in real values\n${n.UP}=${ph}`, `placeholder value for ${f.desc} in an example env file`);
    } else if (kind === 1 || (kind === 0 && !ph)) {
      const t = TEMPLATE_FORMS[templateIdx++ % TEMPLATE_FORMS.length];
      fp(f.provider, t(n), `${f.desc} read from a variable/secret store, no literal value`);
    } else if (kind === 2 && f.prefix) {
      const masked = f.prefix + '*'.repeat(Math.max(6, sample.length - f.prefix.length - 4)) + sample.slice(-4);
      fp(f.provider, `${n.camel}Hint: "${masked}"  # masked in the dashboard, last 4 chars only`, `masked ${f.desc} as shown by a UI`);
    } else {
      fp(f.provider, `${n.UP}=<YOUR_${n.UP}>`, `angle-bracket placeholder for ${f.desc}`);
    }
  }
  for (const [text, note] of f.fps ?? []) fp(f.provider, text, note);
}

// =====================================================================================
// Cloud providers
// =====================================================================================
const awsId = (p = 'AKIA') => p + r.mixed(A.B32U, 16);
const awsSecret = () => r.mixed(A.B64, 40);
const DOC_AWS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids';
const DOC_AWS_KEYS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
{
  const pairs = [
    (id, s) => `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${s}\nregion = us-east-1`,
    (id, s) => `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${s}\nAWS_DEFAULT_REGION=eu-central-1`,
    (id, s) => `import boto3\n\ns3 = boto3.client(\n    "s3",\n    aws_access_key_id="${id}",\n    aws_secret_access_key="${s}",\n)`,
    (id, s) => `provider "aws" {\n  region     = "us-west-2"\n  access_key = "${id}"\n  secret_key = "${s}"\n}`,
    (id, s) => `{\n    "AccessKey": {\n        "UserName": "ci-deployer",\n        "AccessKeyId": "${id}",\n        "Status": "Active",\n        "SecretAccessKey": "${s}",\n        "CreateDate": "2024-03-11T09:21:44+00:00"\n    }\n}`,
    (id, s) => `const client = new S3Client({\n  region: 'ap-southeast-2',\n  credentials: { accessKeyId: '${id}', secretAccessKey: '${s}' },\n});`,
    (id, s) => `AWSCredentials creds = new BasicAWSCredentials("${id}", "${s}");`,
    (id, s) => `FROM amazon/aws-cli:2.15.0\nENV AWS_ACCESS_KEY_ID=${id} \\\n    AWS_SECRET_ACCESS_KEY=${s}\nENTRYPOINT ["aws"]`,
    (id, s) => `[default]\naccess_key = ${id}\nsecret_key = ${s}\nhost_base = s3.amazonaws.com`,
    (id, s) => `Access key ID,Secret access key\n${id},${s}`,
    (id, s) => `env:\n  AWS_ACCESS_KEY_ID: ${id}\n  AWS_SECRET_ACCESS_KEY: ${s}\nsteps:\n  - run: aws s3 sync ./dist s3://static-site-bucket`,
    (id, s) => `cfg, err := config.LoadDefaultConfig(ctx,\n\tconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("${id}", "${s}", "")),\n)`,
  ];
  pairs.forEach((mk) => tp('aws', mk(awsId(), awsSecret()), `AWS IAM user access key: AKIA + 16 chars of [A-Z2-7] with its 40-char secret access key (${DOC_AWS}; ${DOC_AWS_KEYS})`));
  // access key id alone, high-signal prefix
  tp('aws', `aws configure set aws_access_key_id ${awsId()}`, `AWS access key id (AKIA prefix) on a command line (${DOC_AWS})`);
  tp('aws', `# rotated 2024-05-02\nlegacy_key = "${awsId()}"`, `AWS access key id on its own (${DOC_AWS})`);
  // secret alone with a strong keyword
  tp('aws', `aws_secret_access_key=${awsSecret()}`, `AWS secret access key (40 chars base64 alphabet) with its canonical key name (${DOC_AWS_KEYS})`);
  tp('aws', `  secretAccessKey: "${awsSecret()}"`, `AWS secret access key in YAML (${DOC_AWS_KEYS})`);
  // temporary credentials
  const session = () => 'IQoJb3JpZ2luX2VjE' + r.mixed(A.B62, 8) + '//////////' + r.b64bytes(270).replace(/=+$/, '');
  tp('aws', `export AWS_ACCESS_KEY_ID=${awsId('ASIA')}\nexport AWS_SECRET_ACCESS_KEY=${awsSecret()}\nexport AWS_SESSION_TOKEN=${session()}`, `AWS STS temporary credentials: ASIA key id, secret and session token (${DOC_AWS}; https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html)`);
  tp('aws', `{\n  "Credentials": {\n    "AccessKeyId": "${awsId('ASIA')}",\n    "SecretAccessKey": "${awsSecret()}",\n    "SessionToken": "${session()}",\n    "Expiration": "2024-06-01T12:00:00Z"\n  }\n}`, `aws sts assume-role output with temporary credentials (${DOC_AWS})`);
  tp('aws', `[profile deploy]\naws_access_key_id = ${awsId('ASIA')}\naws_secret_access_key = ${awsSecret()}\naws_session_token = ${session()}`, `AWS temporary credentials in a shared credentials file (${DOC_AWS})`);

  const AWSFP = [
    [`[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, 'the documented AWS example key pair'],
    [`export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE`, 'documented AWS example access key id'],
    [`aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, 'documented AWS example secret key'],
    [`AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX\nAWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, 'x-filled placeholders'],
    [`{\n    "UserId": "AIDA${r.mixed(A.B32U, 17)}",\n    "Account": "${r.str(A.DIGITS, 12)}",\n    "Arn": "arn:aws:iam::${r.str(A.DIGITS, 12)}:user/ci-deployer"\n}`, 'IAM user unique id (AIDA...) from get-caller-identity is an identifier, not a credential'],
    [`"RoleId": "AROA${r.mixed(A.B32U, 17)}",\n"RoleName": "lambda-exec-role"`, 'IAM role unique id (AROA...) is not a secret'],
    [`role_arn = arn:aws:iam::${r.str(A.DIGITS, 12)}:role/terraform-apply\nsource_profile = default`, 'ARN and account id are not secrets'],
    [`aws_access_key_id = \${AWS_ACCESS_KEY_ID}\naws_secret_access_key = \${AWS_SECRET_ACCESS_KEY}`, 'shell-expanded variables'],
    [`- name: Configure AWS credentials\n  uses: aws-actions/configure-aws-credentials@v4\n  with:\n    aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}\n    aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    aws-region: us-east-1`, 'GitHub Actions secrets references'],
    [`session = boto3.Session(\n    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],\n    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],\n)`, 'credentials read from the environment'],
    [`Access key AKIA************${r.mixed(A.B32U, 4)} was deactivated by the rotation job`, 'masked access key id in a log line'],
    [`"ETag": "\\"${r.hex(32)}\\"",\n"Key": "reports/2024/05/summary.csv"`, 'S3 ETag is an MD5 of the object, not a secret'],
    [`kms_key_id = "arn:aws:kms:us-east-1:${r.str(A.DIGITS, 12)}:key/${r.uuid()}"`, 'KMS key ARN is an identifier'],
    [`const ACCESS_KEY_RE = /\\b(AKIA|ASIA)[A-Z2-7]{16}\\b/;`, 'a detection regex mentioning the prefixes'],
  ];
  AWSFP.forEach(([t, n]) => fp('aws', t, n));
  formatList('aws', 'IAM access key id AKIA + 16 [A-Z2-7] with 40-char secret access key', 'STS temporary credentials: ASIA key id + secret + session token', 'secret access key alone under its canonical name');
}

// ---- Google Cloud -----------------------------------------------------------------------
const DOC_GCP_KEY = 'https://cloud.google.com/docs/authentication/api-keys';
format({
  provider: 'gcp', id: 'google-api-key', desc: 'Google API key: AIza + 35 chars [A-Za-z0-9_-]', doc: DOC_GCP_KEY,
  gen: () => 'AIza' + r.mixed(A.B64URL, 35), prefix: 'AIza', names: ['GOOGLE_API_KEY', 'MAPS_API_KEY', 'YOUTUBE_API_KEY', 'GEMINI_API_KEY'], n: 6,
  custom: [
    (t) => `curl "https://maps.googleapis.com/maps/api/geocode/json?address=1600+Amphitheatre&key=${t}"`,
    (t) => `genai.configure(api_key="${t}")`,
    (t) => `<script src="https://maps.googleapis.com/maps/api/js?key=${t}&callback=initMap" async></script>`,
  ],
  fps: [
    [`GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`, 'x-filled placeholder after the real-looking AIzaSy prefix'],
    [`// key restricted in console; see docs\nconst mapsKey = "AIza...";`, 'truncated/ellipsis placeholder'],
  ],
});
{
  const DOC_SA = 'https://cloud.google.com/iam/docs/keys-create-delete';
  for (let i = 0; i < 3; i++) {
    const key = K.rsaKey(2048, r);
    const pk = K.pkcs8Pem(key);
    const proj = r.pick(['billing-prod', 'acme-data', 'ml-pipeline', 'web-frontend']) + '-' + r.str(A.DIGITS, 6);
    const obj = {
      type: 'service_account', project_id: proj, private_key_id: r.hex(40), private_key: pk,
      client_email: `${r.pick(['deployer', 'bq-reader', 'ci'])}@${proj}.iam.gserviceaccount.com`, client_id: r.str(A.DIGITS, 21),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth', token_uri: 'https://oauth2.googleapis.com/token',
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    };
    const text = i === 2 ? `GOOGLE_APPLICATION_CREDENTIALS_JSON='${JSON.stringify(obj)}'` : JSON.stringify(obj, null, 2);
    tp('gcp', text, `GCP service account key file with an RSA private key (${DOC_SA})`);
  }
  tp('gcp', `{\n  "type": "service_account",\n  "project_id": "analytics-${r.str(A.DIGITS, 5)}",\n  "private_key_id": "${r.hex(40)}",\n  "private_key": "${K.pkcs8Pem(K.rsaKey(1024, r)).replace(/\n/g, '\\n')}"\n}`, `GCP service account key (truncated JSON) with PKCS#8 private key (${DOC_SA})`);
  fp('gcp', `{\n  "type": "service_account",\n  "project_id": "my-project",\n  "private_key_id": "KEY_ID",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nPRIVATE_KEY\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "SERVICE_ACCOUNT_EMAIL"\n}`, 'service account template with placeholders');
  fp('gcp', `gcloud auth activate-service-account --key-file="$GOOGLE_APPLICATION_CREDENTIALS"`, 'path to a key file held in a variable');
  formatList('gcp', 'service account key JSON (private_key PEM)');
  fp('gcp', `"client_email": "deployer@acme-prod-${r.str(A.DIGITS, 6)}.iam.gserviceaccount.com",\n"client_id": "${r.str(A.DIGITS, 21)}"`, 'service account email and numeric client id are identifiers');
}
format({
  provider: 'gcp', id: 'google-oauth-client-secret', desc: 'Google OAuth client secret: GOCSPX- + 28 chars', doc: 'https://developers.google.com/identity/protocols/oauth2',
  gen: () => 'GOCSPX-' + r.mixed(A.B64URL, 28), prefix: 'GOCSPX-', names: ['GOOGLE_CLIENT_SECRET', 'OAUTH_CLIENT_SECRET'], n: 4,
  custom: [(t) => `{"web":{"client_id":"${r.str(A.DIGITS, 12)}-${r.mixed(A.LOWNUM, 32)}.apps.googleusercontent.com","project_id":"login-${r.str(A.DIGITS, 5)}","client_secret":"${t}","redirect_uris":["https://app.acme.io/oauth2/callback"]}}`],
  fps: [[`GOOGLE_CLIENT_ID=${r.str(A.DIGITS, 12)}-${r.mixed(A.LOWNUM, 32)}.apps.googleusercontent.com`, 'OAuth client id is public']],
});
format({
  provider: 'gcp', id: 'google-oauth-tokens', desc: 'Google OAuth access token (ya29.) / refresh token (1//0)', doc: 'https://developers.google.com/identity/protocols/oauth2',
  gen: (i) => (i % 2 ? '1//0' + r.mixed(A.B64URL, 99) : 'ya29.a0' + r.mixed(A.B64URL, 150)), names: ['GOOGLE_REFRESH_TOKEN', 'GDRIVE_ACCESS_TOKEN'], n: 2, autoFp: 1,
  custom: [(_t) => `curl -H "Authorization: Bearer ya29.a0${r.mixed(A.B64URL, 160)}" https://www.googleapis.com/drive/v3/files`],
});

// ---- Azure ------------------------------------------------------------------------------
{
  const DOC_CONN = 'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string';
  const key88 = () => r.b64bytes(64);
  const acct = () => r.pick(['prodassets', 'stgbackups', 'acmelogs', 'mediastore']) + r.str(A.LOWNUM, 4);
  const conn = () => `DefaultEndpointsProtocol=https;AccountName=${acct()};AccountKey=${key88()};EndpointSuffix=core.windows.net`;
  tp('azure', `AZURE_STORAGE_CONNECTION_STRING="${conn()}"`, `Azure Storage connection string with 88-char base64 AccountKey (${DOC_CONN})`);
  tp('azure', `{\n  "IsEncrypted": false,\n  "Values": {\n    "AzureWebJobsStorage": "${conn()}",\n    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"\n  }\n}`, `Azure Functions local.settings.json with a storage connection string (${DOC_CONN})`);
  tp('azure', `<connectionStrings>\n  <add name="Blob" connectionString="${conn()}" />\n</connectionStrings>`, `storage connection string in web.config (${DOC_CONN})`);
  tp('azure', `blob_client = BlobServiceClient.from_connection_string("${conn()}")`, `storage connection string in Python (${DOC_CONN})`);
  tp('azure', `az storage blob upload --account-name ${acct()} --account-key "${key88()}" -c backups -f db.bak`, `storage account key on the az CLI (https://learn.microsoft.com/en-us/purview/sit-defn-azure-storage-account-key-generic)`);
  tp('azure', `AZURE_STORAGE_KEY=${key88()}`, `storage account key alone with keyword (https://learn.microsoft.com/en-us/purview/sit-defn-azure-storage-account-key-generic)`);
  const sas = () => `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-01-31T18:00:00Z&st=2024-01-31T10:00:00Z&spr=https&sig=${encodeURIComponent(r.b64bytes(32))}`;
  tp('azure', `BACKUP_SAS_URL="https://${acct()}.blob.core.windows.net/backups?${sas()}"`, 'Azure SAS URL with signature (https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview)');
  tp('azure', `const sasToken = "?${sas()}";`, 'Azure account SAS token (https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview)');
  const sbKey = () => r.b64bytes(32);
  tp('azure', `ServiceBusConnection=Endpoint=sb://orders-${r.str(A.LOWNUM, 5)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${sbKey()}`, 'Service Bus connection string with SharedAccessKey (https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-authentication-and-authorization)');
  tp('azure', `"EventHub": "Endpoint=sb://telemetry-${r.str(A.LOWNUM, 5)}.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${sbKey()};EntityPath=events"`, 'Event Hubs connection string with SharedAccessKey (https://learn.microsoft.com/en-us/azure/event-hubs/authorize-access-shared-access-signature)');
  tp('azure', `COSMOS_CONNECTION_STRING=AccountEndpoint=https://catalog-${r.str(A.LOWNUM, 5)}.documents.azure.com:443/;AccountKey=${key88()};`, 'Cosmos DB connection string with account key (https://learn.microsoft.com/en-us/azure/cosmos-db/nosql/how-to-dotnet-get-started)');
  tp('azure', `var client = new CosmosClient("https://catalog-${r.str(A.LOWNUM, 5)}.documents.azure.com:443/", "${key88()}");`, 'Cosmos DB primary key passed to the SDK (https://learn.microsoft.com/en-us/azure/cosmos-db/nosql/how-to-dotnet-get-started)');
  tp('azure', `Ocp-Apim-Subscription-Key: ${r.hex(32)}`, 'Azure AI services / API Management subscription key header (https://learn.microsoft.com/en-us/azure/ai-services/authentication)');
  tp('azure', `AZURE_OPENAI_API_KEY=${r.hex(32)}\nAZURE_OPENAI_ENDPOINT=https://contoso-${r.str(A.LOWNUM, 4)}.openai.azure.com/`, 'Azure OpenAI key (32 hex) with keyword (https://learn.microsoft.com/en-us/azure/ai-services/openai/reference)');

  fp('azure', `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`, 'the publicly documented Azurite/storage emulator key');
  fp('azure', `AzureWebJobsStorage=UseDevelopmentStorage=true`, 'development storage shortcut');
  fp('azure', `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=<account-name>;AccountKey=<account-key>;EndpointSuffix=core.windows.net"`, 'documentation placeholders');
  fp('azure', `"ConnectionStrings": {\n  "Storage": "@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/storage-conn/)"\n}`, 'Key Vault reference, not a value');
  fp('azure', `AZURE_TENANT_ID=${r.uuid()}\nAZURE_CLIENT_ID=${r.uuid()}\nAZURE_SUBSCRIPTION_ID=${r.uuid()}`, 'tenant/client/subscription ids are identifiers');
  fp('azure', `https://${acct()}.blob.core.windows.net/public-assets/logo.png`, 'plain blob URL without SAS');
  fp('azure', `Ocp-Apim-Subscription-Key: {subscription key}`, 'placeholder in API docs');
  formatList('azure', 'Storage account key / connection string (88-char AccountKey)', 'Storage SAS token / URL (sig=)', 'Service Bus / Event Hubs SharedAccessKey connection string', 'Cosmos DB account key', 'Azure AI services / APIM subscription key (32 hex, header)', 'Azure OpenAI key (32 hex, keyword)');
}
format({
  provider: 'azure', id: 'entra-client-secret', desc: 'Microsoft Entra ID client secret: 3 chars + digit + "Q~" + 34 chars', doc: 'https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret',
  gen: () => r.mixed(A.ALPHA + A.DIGITS, 3) + r.pick(['7', '8']) + 'Q~' + r.mixed(A.B62 + '_.~-', 34), names: ['AZURE_CLIENT_SECRET', 'AAD_CLIENT_SECRET', 'ENTRA_APP_SECRET'], n: 5,
  custom: [(t) => `ClientSecretCredential credential = new ClientSecretCredential("${r.uuid()}", "${r.uuid()}", "${t}");`],
  ph: 'your-client-secret-here',
});
format({
  provider: 'azure', id: 'azure-devops-pat', desc: 'Azure DevOps personal access token: 52 chars of base32 [a-z2-7]', doc: 'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
  gen: () => r.mixed(A.B32L, 52), names: ['AZURE_DEVOPS_PAT', 'AZURE_DEVOPS_EXT_PAT', 'ADO_TOKEN'], n: 3,
  custom: [
    (t) => `git clone https://build:${t}@dev.azure.com/contoso/Platform/_git/platform-api`,
    (t) => `echo "${t}" | az devops login --organization https://dev.azure.com/contoso`,
  ],
});

// ---- Alibaba Cloud ---------------------------------------------------------------------------
format({
  provider: 'alibaba', id: 'alibaba-accesskey', desc: 'Alibaba Cloud AccessKey pair: ID LTAI + 20 alnum, secret 30 alnum', doc: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
  gen: () => 'LTAI' + r.b62(20), prefix: 'LTAI', names: ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIYUN_ACCESS_KEY_ID'], n: 2,
  custom: [
    (t) => `ALIBABA_CLOUD_ACCESS_KEY_ID=${t}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${r.b62(30)}`,
    (t) => `config = open_api_models.Config(\n    access_key_id='${t}',\n    access_key_secret='${r.b62(30)}',\n    endpoint='ecs.cn-hangzhou.aliyuncs.com',\n)`,
    (t) => `provider "alicloud" {\n  access_key = "${t}"\n  secret_key = "${r.b62(30)}"\n  region     = "cn-shanghai"\n}`,
    (t) => `oss:\n  endpoint: oss-cn-beijing.aliyuncs.com\n  accessKeyId: ${t}\n  accessKeySecret: ${r.b62(30)}`,
  ],
});

// ---- DigitalOcean ------------------------------------------------------------------------------
format({
  provider: 'digitalocean', id: 'do-pat', desc: 'DigitalOcean token: dop_v1_ (PAT) / doo_v1_ (OAuth) / dor_v1_ (refresh) + 64 hex', doc: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
  gen: (i) => ['dop_v1_', 'dop_v1_', 'doo_v1_', 'dor_v1_'][i % 4] + r.hex(64), prefix: 'dop_v1_', names: ['DIGITALOCEAN_TOKEN', 'DO_PAT', 'DIGITALOCEAN_ACCESS_TOKEN'], n: 5,
  custom: [
    (t) => `doctl auth init --access-token ${t}`,
    (t) => `curl -X GET -H "Content-Type: application/json" -H "Authorization: Bearer ${t}" "https://api.digitalocean.com/v2/droplets"`,
  ],
});
format({
  provider: 'digitalocean', id: 'do-spaces', desc: 'DigitalOcean Spaces access key (DO + 18 upper alnum) with 43-char secret', doc: 'https://docs.digitalocean.com/products/spaces/how-to/manage-access/',
  gen: () => 'DO' + r.mixed(A.UPNUM, 18), prefix: 'DO', names: ['SPACES_ACCESS_KEY_ID'], n: 0, autoFp: 1,
  custom: [
    (t) => `SPACES_ACCESS_KEY_ID=${t}\nSPACES_SECRET_ACCESS_KEY=${r.b64bytes(32).slice(0, 43)}`,
    (t) => `s3 = session.client("s3", endpoint_url="https://fra1.digitaloceanspaces.com",\n                   aws_access_key_id="${t}",\n                   aws_secret_access_key="${r.b64bytes(32).slice(0, 43)}")`,
  ],
});

// ---- Cloudflare ---------------------------------------------------------------------------------
format({
  provider: 'cloudflare', id: 'cf-api-token', desc: 'Cloudflare API token (pre-2026 format: 40 chars [A-Za-z0-9_-]) with keyword', doc: 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/',
  gen: () => r.mixed(A.B64URL, 40), names: ['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN'], n: 4,
  custom: [
    (t) => `curl "https://api.cloudflare.com/client/v4/user/tokens/verify" \\\n  -H "Authorization: Bearer ${t}"`,
    (t) => `provider "cloudflare" {\n  api_token = "${t}"\n}`,
  ],
});
format({
  provider: 'cloudflare', id: 'cf-global-key', desc: 'Cloudflare Global API Key (37 lowercase hex) with X-Auth-Key/keyword', doc: 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
  gen: () => r.hex(37), names: ['CLOUDFLARE_API_KEY', 'CF_API_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `curl https://api.cloudflare.com/client/v4/zones \\\n  -H "X-Auth-Email: ops@acme.io" \\\n  -H "X-Auth-Key: ${t}"`],
});
format({
  provider: 'cloudflare', id: 'cf-origin-ca-key', desc: 'Cloudflare Origin CA key: v1.0- + 24 hex + - + 146 hex', doc: 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/',
  gen: () => `v1.0-${r.hex(24)}-${r.hex(146)}`, names: ['CF_ORIGIN_CA_KEY', 'CLOUDFLARE_ORIGIN_CA_KEY'], n: 2, autoFp: 1,
});

// ---- Heroku ------------------------------------------------------------------------------
format({
  provider: 'heroku', id: 'heroku-api-key', desc: 'Heroku API key / OAuth token (UUID-shaped, or HRKU- prefixed) with keyword', doc: 'https://devcenter.heroku.com/articles/authentication',
  gen: (i) => (i % 2 ? r.uuid() : 'HRKU-AA' + r.mixed(A.B64URL, 58)), names: ['HEROKU_API_KEY', 'HEROKU_OAUTH_TOKEN'], n: 4,
  custom: [
    (_t) => `machine api.heroku.com\n  login ops@acme.io\n  password ${r.uuid()}\nmachine git.heroku.com\n  login ops@acme.io\n  password ${r.uuid()}`,
    (t) => `curl -n https://api.heroku.com/apps -H "Accept: application/vnd.heroku+json; version=3" -H "Authorization: Bearer ${t}"`,
  ],
  fps: [[`heroku authorizations:revoke ${r.uuid()}`, 'authorization id (not the token) passed to revoke'], [`HEROKU_APP_ID=${r.uuid()}`, 'app id is a UUID identifier, not a credential']],
});

// ---- HashiCorp ------------------------------------------------------------------------------
format({
  provider: 'hashicorp', id: 'vault-token', desc: 'HashiCorp Vault token: hvs. (service, ~95 chars) / hvb. (batch) / legacy s. + 24', doc: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes',
  gen: (i) => (i % 3 === 2 ? 'hvb.' + r.mixed(A.B64URL, 138) : 'hvs.' + 'CAESI' + r.mixed(A.B64URL, 86)), prefix: 'hvs.', names: ['VAULT_TOKEN', 'VAULT_ROOT_TOKEN'], n: 5,
  custom: [
    (t) => `curl --header "X-Vault-Token: ${t}" https://vault.internal:8200/v1/secret/data/payments`,
    (t) => `vault login ${t}`,
    () => `VAULT_TOKEN=s.${r.b62(24)}`,
  ],
  fps: [[`VAULT_TOKEN=root  # dev server only: vault server -dev -dev-root-token-id=root`, 'dev-mode root token literal "root"'], [`token = "hvs.CAESI..."  # see runbook`, 'ellipsis-truncated token in a comment']],
});
format({
  provider: 'hashicorp', id: 'terraform-cloud-token', desc: 'Terraform Cloud/Enterprise API token: 14 chars + .atlasv1. + 67 chars', doc: 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens',
  gen: () => `${r.b62(14)}.atlasv1.${r.mixed(A.B64URL, 67)}`, names: ['TFE_TOKEN', 'TF_API_TOKEN', 'TF_TOKEN_app_terraform_io'], n: 3,
  custom: [(t) => `credentials "app.terraform.io" {\n  token = "${t}"\n}`, (t) => `{\n  "credentials": {\n    "app.terraform.io": {\n      "token": "${t}"\n    }\n  }\n}`],
});

// =====================================================================================
// Source hosting and CI
// =====================================================================================
const DOC_GH = 'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/';
const ghTok = (p) => crc62Token(p, r.b62(30));
for (const [p, desc, names_, n] of [
  ['ghp_', 'GitHub classic personal access token', ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_PAT'], 6],
  ['gho_', 'GitHub OAuth access token', ['GITHUB_OAUTH_TOKEN', 'GH_OAUTH_TOKEN'], 4],
  ['ghu_', 'GitHub App user-to-server token', ['GITHUB_USER_TOKEN', 'GH_APP_USER_TOKEN'], 4],
  ['ghs_', 'GitHub App installation (server-to-server) token', ['GITHUB_INSTALLATION_TOKEN', 'GH_APP_TOKEN'], 4],
  ['ghr_', 'GitHub App refresh token', ['GITHUB_REFRESH_TOKEN'], 3],
]) {
  format({
    provider: 'github', id: p, desc: `${desc}: ${p} + 30 base62 + 6-char base62 CRC32`, doc: DOC_GH,
    gen: () => ghTok(p), prefix: p, names: names_, n,
    custom: p === 'ghp_' ? [
      (t) => `git clone https://${t}@github.com/acme-corp/billing-service.git`,
      (t) => `[url "https://x-access-token:${t}@github.com/"]\n\tinsteadOf = https://github.com/`,
      (t) => `curl -H "Authorization: token ${t}" https://api.github.com/user/repos`,
      (t) => `//npm.pkg.github.com/:_authToken=${t}\n@acme-corp:registry=https://npm.pkg.github.com`,
      (t) => `https://oauth2:${t}@github.com`,
    ] : p === 'ghs_' ? [(t) => `{"token":"${t}","expires_at":"2024-07-01T10:00:00Z","permissions":{"contents":"read"}}`] : [],
  });
}
{
  const badCrc = () => { const x = r.b62(30); let c = base62((crc32(x) + 7) >>> 0, 6); return 'ghp_' + x + c; };
  fp('github', `// fixture for the validator: checksum deliberately wrong\nconst malformed = "${badCrc()}";`, 'ghp_-shaped string whose CRC32 checksum does not match (not a GitHub token)');
  fp('github', `expect(isGithubToken("${badCrc()}")).toBe(false); // bad checksum`, 'checksum-invalid ghp_ string in a validator test');
  fp('github', `GITHUB_TOKEN=\${{ secrets.GITHUB_TOKEN }}`, 'Actions secret reference');
  fp('github', `permissions:\n  contents: read\nenv:\n  GH_TOKEN: \${{ github.token }}`, 'Actions expression');
  fp('github', `{"id": ${r.str(A.DIGITS, 9)}, "note": "ci publish", "token_last_eight": "${r.b62(8)}", "scopes": ["repo"]}`, 'only the last eight characters of a token, as returned by the GitHub API');
  fp('github', `| ci-publish | ghp_${r.b62(5)}… | repo, workflow | expires 2025-01-31 |`, 'truncated ghp_ token in a table (wrong length)');
  fp('github', `gh auth login --with-token < ~/.config/gh/token.txt`, 'token read from a file');
  fp('github', `- uses: actions/checkout@${r.hex(40)} # v4.1.7`, 'action pinned to a commit SHA');
  fp('github', `const GH_TOKEN_RE = /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}$/;`, 'regex describing the format');
  fp('github', `# Personal access token, e.g. ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nGITHUB_TOKEN=`, 'x-filled example with empty value');
}
format({
  provider: 'github', id: 'github_pat_', desc: 'GitHub fine-grained PAT: github_pat_ + 22 + _ + 59 base62', doc: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  gen: () => `github_pat_11${r.mixed(A.UPNUM, 20)}_${r.b62(59)}`, prefix: 'github_pat_', names: ['GITHUB_TOKEN', 'GH_FINE_GRAINED_TOKEN'], n: 4,
  custom: [(t) => `gh auth login --with-token <<< "${t}"`, (t) => `headers = {"Authorization": f"Bearer ${t}", "X-GitHub-Api-Version": "2022-11-28"}`],
});

// ---- GitLab ------------------------------------------------------------------------------
const DOC_GL = 'https://docs.gitlab.com/ee/security/tokens/#token-prefixes';
for (const [p, desc, names_, n, gen, extra] of [
  ['glpat-', 'GitLab personal/project/group access token', ['GITLAB_TOKEN', 'GITLAB_PRIVATE_TOKEN', 'GL_TOKEN'], 6, () => 'glpat-' + r.mixed(A.B64URL, 20), [
    (t) => `curl --header "PRIVATE-TOKEN: ${t}" "https://gitlab.com/api/v4/projects?membership=true"`,
    (t) => `git remote add origin https://oauth2:${t}@gitlab.com/acme/platform/api.git`,
    (t) => `gitlab = Gitlab("https://gitlab.example-corp.net", private_token="${t}")`,
  ]],
  ['gldt-', 'GitLab deploy token', ['CI_DEPLOY_PASSWORD', 'GITLAB_DEPLOY_TOKEN'], 3, () => 'gldt-' + r.mixed(A.B64URL, 20), [
    (t) => `docker login registry.gitlab.com -u gitlab+deploy-token-${r.str(A.DIGITS, 6)} -p ${t}`,
  ]],
  ['glrt-', 'GitLab runner authentication token', ['RUNNER_TOKEN', 'CI_RUNNER_TOKEN'], 2, () => 'glrt-' + r.mixed(A.B64URL, 20), [
    (t) => `[[runners]]\n  name = "docker-runner-01"\n  url = "https://gitlab.com"\n  token = "${t}"\n  executor = "docker"`,
    (t) => `gitlab-runner register --non-interactive --url https://gitlab.com --token ${t} --executor docker`,
  ]],
  ['GR1348941', 'GitLab runner registration token (deprecated)', ['REGISTRATION_TOKEN', 'CI_SERVER_REGISTRATION_TOKEN'], 2, () => 'GR1348941' + r.mixed(A.B64URL, 20), [
    (t) => `gitlab-runner register --url https://gitlab.com/ --registration-token ${t}`,
  ]],
  ['glptt-', 'GitLab pipeline trigger token', ['TRIGGER_TOKEN', 'GITLAB_TRIGGER_TOKEN'], 2, () => 'glptt-' + r.hex(40), [
    (t) => `curl -X POST --fail -F token=${t} -F ref=main https://gitlab.com/api/v4/projects/${r.str(A.DIGITS, 8)}/trigger/pipeline`,
  ]],
  ['glft-', 'GitLab feed token', ['GITLAB_FEED_TOKEN'], 1, () => 'glft-' + r.mixed(A.B64URL, 20), [
    (t) => `https://gitlab.com/dashboard/issues.atom?feed_token=${t}&state=opened`,
  ]],
  ['glimt-', 'GitLab incoming mail token', ['GITLAB_INCOMING_EMAIL_TOKEN'], 1, () => 'glimt-' + r.mixed(A.LOWNUM, 25), [
    (t) => `reply_to: incoming+acme-platform-${r.str(A.DIGITS, 7)}-${t}-issue@incoming.gitlab.com`,
  ]],
  ['glagent-', 'GitLab agent for Kubernetes token', ['AGENT_TOKEN', 'GITLAB_AGENT_TOKEN'], 2, () => 'glagent-' + r.mixed(A.B64URL, 50), [
    (t) => `helm upgrade --install k8s-agent gitlab/gitlab-agent \\\n  --namespace gitlab-agent \\\n  --set config.token=${t} \\\n  --set config.kasAddress=wss://kas.gitlab.com`,
  ]],
  ['gloas-', 'GitLab OAuth application secret', ['GITLAB_OAUTH_SECRET', 'GITLAB_APP_SECRET'], 2, () => 'gloas-' + r.hex(64), []],
  ['glsoat-', 'GitLab SCIM OAuth token', ['GITLAB_SCIM_TOKEN'], 1, () => 'glsoat-' + r.mixed(A.B64URL, 20), []],
  ['glffct-', 'GitLab feature flags client token', ['UNLEASH_INSTANCE_ID', 'GITLAB_FF_CLIENT_TOKEN'], 1, () => 'glffct-' + r.mixed(A.B64URL, 20), []],
  ['glcbt-', 'GitLab CI/CD job token', ['CI_JOB_TOKEN'], 1, () => 'glcbt-' + r.hex(2) + '_' + r.mixed(A.B64URL, 20), [
    (t) => `curl --header "JOB-TOKEN: ${t}" "https://gitlab.com/api/v4/projects/${r.str(A.DIGITS, 8)}/packages/generic/app/1.0.0/app.tar.gz"`,
  ]],
]) {
  format({ provider: 'gitlab', id: p, desc: `${desc}: ${p} prefix`, doc: DOC_GL, gen, prefix: p, names: names_, n, custom: extra, autoFp: n >= 3 ? 2 : 1 });
}
fp('gitlab', `variables:\n  GITLAB_TOKEN: $CI_JOB_TOKEN\nscript:\n  - curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects/$CI_PROJECT_ID/packages"`, 'predefined CI variables, no literal token');
fp('gitlab', `GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx`, 'x-filled documentation placeholder');
fp('gitlab', `personal_access_token_prefix: "glpat-"`, 'the prefix setting alone');
fp('gitlab', `| deploy-bot | glpat-${r.b62(4)}… | api, read_repository | 2025-01-31 |`, 'truncated glpat- value in a token table (wrong length)');
fp('gitlab', `include:\n  - project: 'acme/ci-templates'\n    ref: ${r.hex(40)}\n    file: '/templates/build.yml'`, 'CI include pinned to a commit SHA');

// ---- Bitbucket / Atlassian ------------------------------------------------------------------------------
const DOC_BB = 'https://support.atlassian.com/bitbucket-cloud/docs/using-api-tokens/ (prefixes confirmed by Atlassian staff: https://community.atlassian.com/forums/Bitbucket-questions/Can-we-confirm-BitBucket-s-token-prefixes/qaq-p/3093481)';
const atlToken = (p) => p + r.mixed(A.B64URL, 171) + '=' + r.mixed(A.HEXU, 8);
format({
  provider: 'atlassian', id: 'atlassian-api-token', desc: 'Atlassian API token: ATATT3xFfGF0 + base64url body + = + 8 hex checksum', doc: DOC_BB,
  gen: () => atlToken('ATATT3xFfGF0'), prefix: 'ATATT3xFfGF0', names: ['JIRA_API_TOKEN', 'CONFLUENCE_API_TOKEN', 'ATLASSIAN_API_TOKEN'], n: 4,
  custom: [(t) => `curl --request GET --url 'https://acme.atlassian.net/rest/api/3/myself' --user 'ops@acme.io:${t}'`],
});
format({
  provider: 'atlassian', id: 'bitbucket-access-token', desc: 'Bitbucket repository/project/workspace access token: ATCTT3xFfGN0 prefix', doc: DOC_BB,
  gen: () => atlToken('ATCTT3xFfGN0'), prefix: 'ATCTT3xFfGN0', names: ['BITBUCKET_ACCESS_TOKEN', 'BB_REPO_TOKEN'], n: 2, autoFp: 1,
  custom: [(t) => `git clone https://x-token-auth:${t}@bitbucket.org/acme/payments.git`],
});
format({
  provider: 'atlassian', id: 'bitbucket-app-password', desc: 'Bitbucket app password: ATBB + 32 chars', doc: DOC_BB,
  gen: () => 'ATBB' + r.b62(32), prefix: 'ATBB', names: ['BITBUCKET_APP_PASSWORD', 'BB_APP_PASSWORD'], n: 3, autoFp: 1,
  custom: [(t) => `curl -u ci-bot:${t} https://api.bitbucket.org/2.0/repositories/acme`],
});

// ---- CircleCI / Buildkite / JFrog / others ----------------------------------------------------------------
format({
  provider: 'circleci', id: 'circleci-token', desc: 'CircleCI API token: CCIPAT_/CCIPRJ_ + base58 UUID + _ + 40 hex', doc: 'https://circleci.com/changelog/new-format-for-api-access-tokens/',
  gen: (i) => `${i % 3 === 2 ? 'CCIPRJ' : 'CCIPAT'}_${r.mixed(A.B58, 22)}_${r.hex(40)}`, prefix: 'CCIPAT_', names: ['CIRCLECI_TOKEN', 'CIRCLE_TOKEN'], n: 4,
  custom: [(t) => `curl --request GET --url https://circleci.com/api/v2/me --header "Circle-Token: ${t}"`],
});
format({
  provider: 'circleci', id: 'circleci-legacy-token', desc: 'CircleCI legacy personal token (40 hex) with keyword', doc: 'https://circleci.com/docs/managing-api-tokens/',
  gen: () => r.hex(40), names: ['CIRCLE_TOKEN', 'CIRCLECI_API_TOKEN'], n: 2, autoFp: 1,
});
format({
  provider: 'buildkite', id: 'buildkite-api-token', desc: 'Buildkite API access token: bkua_ + 40 hex', doc: 'https://buildkite.com/docs/apis/managing-api-tokens',
  gen: () => 'bkua_' + r.hex(40), prefix: 'bkua_', names: ['BUILDKITE_API_TOKEN', 'BUILDKITE_TOKEN'], n: 4,
  custom: [(t) => `curl -H "Authorization: Bearer ${t}" "https://api.buildkite.com/v2/organizations/acme/pipelines"`],
});
format({
  provider: 'buildkite', id: 'buildkite-agent-token', desc: 'Buildkite agent token (keyword-identified)', doc: 'https://buildkite.com/docs/agent/v3/tokens',
  gen: () => r.mixed(A.LOWNUM, 50), names: ['BUILDKITE_AGENT_TOKEN'], n: 1, autoFp: 1,
  custom: [(t) => `# /etc/buildkite-agent/buildkite-agent.cfg\ntoken="${t}"\nname="%hostname-%spawn"\ntags="queue=default"`],
});
format({
  provider: 'jfrog', id: 'jfrog-api-key', desc: 'JFrog Artifactory API key: AKC + 70 alnum', doc: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key',
  gen: () => 'AKCp8' + r.b62(68), prefix: 'AKCp8', names: ['ARTIFACTORY_API_KEY', 'JFROG_API_KEY'], n: 3,
  custom: [(t) => `curl -H "X-JFrog-Art-Api:${t}" -T build.tgz "https://acme.jfrog.io/artifactory/generic-local/build.tgz"`],
});
format({
  provider: 'jfrog', id: 'jfrog-reference-token', desc: 'JFrog reference token: base64("reftkn:01:...") 64 chars starting cmVmdGtuOjAxOj', doc: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
  gen: () => 'cmVmdGtuOjAxOj' + r.mixed(A.B62, 50), prefix: 'cmVmdGtuOjAxOj', names: ['JFROG_ACCESS_TOKEN', 'ARTIFACTORY_TOKEN'], n: 3,
  custom: [(t) => `<server>\n  <id>artifactory</id>\n  <username>ci</username>\n  <password>${t}</password>\n</server>`],
});
format({
  provider: 'sonarqube', id: 'sonar-token', desc: 'SonarQube token: squ_ (user) / sqp_ (project) / sqa_ (global analysis) + 40 hex', doc: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/',
  gen: (i) => ['squ_', 'sqp_', 'sqa_'][i % 3] + r.hex(40), prefix: 'squ_', names: ['SONAR_TOKEN', 'SONARQUBE_TOKEN'], n: 3,
  custom: [(t) => `mvn verify sonar:sonar -Dsonar.projectKey=payments -Dsonar.host.url=https://sonar.acme.io -Dsonar.token=${t}`],
});
format({
  provider: 'octopus', id: 'octopus-api-key', desc: 'Octopus Deploy API key: API- + 26 upper alnum', doc: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
  gen: () => 'API-' + r.mixed(A.UPNUM, 26), prefix: 'API-', names: ['OCTOPUS_API_KEY', 'OCTOPUS_CLI_API_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `octo push --package app.1.2.3.zip --server https://deploy.acme.io --apiKey ${t}`],
});

// =====================================================================================
// Payments
// =====================================================================================
const DOC_STRIPE = 'https://docs.stripe.com/keys';
format({
  provider: 'stripe', id: 'stripe-secret-key', desc: 'Stripe live secret key: sk_live_ + 24..99 alnum', doc: DOC_STRIPE,
  gen: (i) => 'sk_live_' + (i % 2 ? r.b62(24) : '51' + r.b62(97)), prefix: 'sk_live_', names: ['STRIPE_SECRET_KEY', 'STRIPE_API_KEY', 'STRIPE_KEY'], n: 6,
  custom: [
    (t) => `curl https://api.stripe.com/v1/charges -u ${t}: -d amount=2000 -d currency=usd`,
    (t) => `Stripe.api_key = '${t}'`,
    (t) => `const stripe = require('stripe')('${t}');`,
    (t) => `\\Stripe\\Stripe::setApiKey('${t}');`,
  ],
  fps: [
    [`const stripe = require('stripe')('sk_test_4eC39HqLyjWDarjtT1zdp7dc');`, "Stripe's published documentation test key"],
    [`STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx`, 'x-filled test-mode placeholder'],
    [`STRIPE_SECRET_KEY=sk_live_...`, 'ellipsis placeholder'],
    [`stripe.api_key = os.getenv("STRIPE_SECRET_KEY")`, 'read from env'],
    [`if (!key.startsWith("sk_live_")) throw new Error("expected a live key");`, 'prefix literal only'],
    [`"id": "cus_${r.b62(14)}",\n"object": "customer",\n"default_source": "card_${r.b62(24)}"`, 'Stripe object ids (cus_, card_) are not secrets'],
    [`"id": "pi_${r.b62(24)}",\n"client_secret": "pi_${r.b62(24)}_secret_${r.b62(25)}"`, "PaymentIntent client_secret is designed to be sent to the browser (Stripe docs)"],
  ],
});
format({
  provider: 'stripe', id: 'stripe-restricted-key', desc: 'Stripe live restricted key: rk_live_ + 24..99 alnum', doc: DOC_STRIPE,
  gen: (i) => 'rk_live_' + (i % 2 ? r.b62(24) : '51' + r.b62(97)), prefix: 'rk_live_', names: ['STRIPE_RESTRICTED_KEY', 'STRIPE_RK'], n: 3, autoFp: 1,
});
format({
  provider: 'stripe', id: 'stripe-webhook-secret', desc: 'Stripe webhook signing secret: whsec_ + 32 alnum', doc: 'https://docs.stripe.com/webhooks#verify-events',
  gen: () => 'whsec_' + r.b62(32), prefix: 'whsec_', names: ['STRIPE_WEBHOOK_SECRET', 'STRIPE_ENDPOINT_SECRET'], n: 3,
  custom: [(t) => `endpoint_secret = '${t}'\nevent = stripe.Webhook.construct_event(payload, sig_header, endpoint_secret)`],
});
format({
  provider: 'square', id: 'square-access-token', desc: 'Square access token: EAAA + 60 chars [A-Za-z0-9_-]', doc: 'https://developer.squareup.com/docs/build-basics/access-tokens',
  gen: () => 'EAAA' + r.mixed(A.B64URL, 60), prefix: 'EAAA', names: ['SQUARE_ACCESS_TOKEN', 'SQUARE_TOKEN'], n: 4,
  custom: [(t) => `curl https://connect.squareup.com/v2/locations \\\n  -H 'Square-Version: 2024-05-15' \\\n  -H 'Authorization: Bearer ${t}'`],
});
format({
  provider: 'square', id: 'square-oauth-secret', desc: 'Square OAuth application secret: sq0csp- + 43 chars', doc: 'https://developer.squareup.com/docs/oauth-api/overview',
  gen: () => 'sq0csp-' + r.mixed(A.B64URL, 43), prefix: 'sq0csp-', names: ['SQUARE_APPLICATION_SECRET', 'SQUARE_CLIENT_SECRET'], n: 2, autoFp: 1,
});
format({
  provider: 'square', id: 'square-legacy-token', desc: 'Square legacy personal access token: sq0atp- + 22 chars', doc: 'https://developer.squareup.com/docs/build-basics/access-tokens',
  gen: () => 'sq0atp-' + r.mixed(A.B64URL, 22), prefix: 'sq0atp-', names: ['SQUARE_ACCESS_TOKEN'], n: 2, autoFp: 1,
});
fp('square', `SQUARE_APPLICATION_ID=sq0idp-${r.mixed(A.B64URL, 22)}`, 'application id (sq0idp-) is public');
format({
  provider: 'paypal', id: 'braintree-access-token', desc: 'PayPal/Braintree access token: access_token$production$<16>$<32 hex>', doc: 'https://developer.paypal.com/braintree/docs/guides/authorization/overview',
  gen: () => `access_token$production$${r.mixed(A.LOWNUM, 16)}$${r.hex(32)}`, names: ['BRAINTREE_ACCESS_TOKEN', 'PAYPAL_ACCESS_TOKEN'], n: 3,
  ph: 'access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  custom: [(t) => `gateway = braintree.BraintreeGateway(access_token="${t}")`],
});
format({
  provider: 'paypal', id: 'braintree-private-key', desc: 'Braintree API private key (32 hex) with merchant id and keyword', doc: 'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials',
  gen: () => r.hex(32), names: ['BRAINTREE_PRIVATE_KEY'], n: 1, autoFp: 1,
  custom: [(t) => `Braintree::Gateway.new(\n  environment: :production,\n  merchant_id: "${r.mixed(A.LOWNUM, 16)}",\n  public_key: "${r.mixed(A.LOWNUM, 16)}",\n  private_key: "${t}",\n)`],
});
format({
  provider: 'paypal', id: 'paypal-client-secret', desc: 'PayPal REST app client secret (80 chars) with client id', doc: 'https://developer.paypal.com/api/rest/authentication/',
  gen: () => 'E' + r.mixed(A.B64URL, 79), names: ['PAYPAL_CLIENT_SECRET', 'PAYPAL_SECRET'], n: 2, autoFp: 1,
  custom: [(t) => `curl -v -X POST "https://api-m.paypal.com/v1/oauth2/token" \\\n  -u "A${r.mixed(A.B64URL, 79)}:${t}" \\\n  -d "grant_type=client_credentials"`],
});
format({
  provider: 'shopify', id: 'shopify-tokens', desc: 'Shopify token: shpat_ (admin API) / shpca_ (custom app) / shppa_ (private app) / shpss_ (shared secret) + 32 hex', doc: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
  gen: (i) => ['shpat_', 'shpca_', 'shppa_', 'shpss_'][i % 4] + r.hex(32), prefix: 'shpat_', names: ['SHOPIFY_ACCESS_TOKEN', 'SHOPIFY_ADMIN_API_TOKEN', 'SHOPIFY_API_SECRET'], n: 6,
  custom: [(t) => `curl -X GET "https://acme-store.myshopify.com/admin/api/2024-04/shop.json" -H "X-Shopify-Access-Token: ${t}"`],
});
format({
  provider: 'razorpay', id: 'razorpay-key', desc: 'Razorpay live key id rzp_live_ + 14 alnum with 24-char key secret', doc: 'https://razorpay.com/docs/api/authentication/',
  gen: () => 'rzp_live_' + r.b62(14), prefix: 'rzp_live_', names: ['RAZORPAY_KEY_ID'], n: 0,
  custom: [
    (t) => `RAZORPAY_KEY_ID=${t}\nRAZORPAY_KEY_SECRET=${r.b62(24)}`,
    (t) => `client = razorpay.Client(auth=("${t}", "${r.b62(24)}"))`,
    (t) => `const instance = new Razorpay({ key_id: '${t}', key_secret: '${r.b62(24)}' });`,
    (t) => `curl -u ${t}:${r.b62(24)} -X POST https://api.razorpay.com/v1/orders -d amount=50000 -d currency=INR`,
  ],
  fps: [[`RAZORPAY_KEY_ID=rzp_test_1DP5mmOlF5G5ag`, 'test-mode key id from public docs (key id alone is not secret)']],
});
format({
  provider: 'flutterwave', id: 'flutterwave-secret', desc: 'Flutterwave live secret key: FLWSECK- + 32 hex + -X', doc: 'https://developer.flutterwave.com/docs/authentication',
  gen: () => `FLWSECK-${r.hex(32)}-X`, prefix: 'FLWSECK-', names: ['FLW_SECRET_KEY', 'FLUTTERWAVE_SECRET_KEY'], n: 3,
  fps: [[`FLW_PUBLIC_KEY=FLWPUBK-${r.hex(32)}-X`, 'public key (FLWPUBK-) is meant for the client']],
});
format({
  provider: 'paystack', id: 'paystack-secret', desc: 'Paystack live secret key: sk_live_ + 40 hex', doc: 'https://paystack.com/docs/api/authentication/',
  gen: () => 'sk_live_' + r.hex(40), prefix: 'sk_live_', names: ['PAYSTACK_SECRET_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `curl https://api.paystack.co/transaction/initialize -H "Authorization: Bearer ${t}" -H "Content-Type: application/json" -X POST`],
});
format({
  provider: 'plaid', id: 'plaid-access-token', desc: 'Plaid access token: access-production-<uuid>; secret 30 hex', doc: 'https://plaid.com/docs/api/tokens/',
  gen: () => `access-production-${r.uuid()}`, prefix: 'access-production-', names: ['PLAID_ACCESS_TOKEN'], n: 2,
  custom: [(_t) => `PLAID_CLIENT_ID=${r.hex(24)}\nPLAID_SECRET=${r.hex(30)}\nPLAID_ENV=production`, (t) => `response = client.accounts_get(AccountsGetRequest(access_token="${t}"))`],
  fps: [[`PLAID_ENV=sandbox\nPLAID_CLIENT_ID=\nPLAID_SECRET=`, 'empty values']],
});
format({
  provider: 'shippo', id: 'shippo-live', desc: 'Shippo live API token: shippo_live_ + 40 hex', doc: 'https://docs.goshippo.com/docs/guides_general/authentication/',
  gen: () => 'shippo_live_' + r.hex(40), prefix: 'shippo_live_', names: ['SHIPPO_API_TOKEN', 'SHIPPO_TOKEN'], n: 2, autoFp: 1,
  custom: [(t) => `curl https://api.goshippo.com/addresses/ -H "Authorization: ShippoToken ${t}"`],
});

// =====================================================================================
// Messaging and communication
// =====================================================================================
const DOC_SLACK = 'https://api.slack.com/concepts/token-types';
const slackTeam = () => r.str(A.DIGITS, 11);
format({
  provider: 'slack', id: 'slack-bot-token', desc: 'Slack bot token: xoxb-<team>-<bot>-<24 alnum>', doc: DOC_SLACK,
  gen: () => `xoxb-${slackTeam()}-${r.str(A.DIGITS, 13)}-${r.b62(24)}`, prefix: 'xoxb-', names: ['SLACK_BOT_TOKEN', 'SLACK_TOKEN'], n: 6,
  ph: 'xoxb-your-bot-token',
  custom: [
    (t) => `curl -X POST -H "Authorization: Bearer ${t}" -H "Content-type: application/json" --data '{"channel":"C0123ABCD","text":"deploy finished"}' https://slack.com/api/chat.postMessage`,
    (t) => `app = App(token="${t}", signing_secret=os.environ["SLACK_SIGNING_SECRET"])`,
  ],
  fps: [[`SLACK_BOT_TOKEN=xoxb-not-a-real-token-this-will-not-work`, 'the placeholder token used in Slack documentation'], [`const token = "xoxb-1234-5678-abcd"; // sample from README`, 'toy token with too-short segments']],
});
format({
  provider: 'slack', id: 'slack-user-token', desc: 'Slack user token: xoxp-<team>-<user>-<id>-<32 hex>', doc: DOC_SLACK,
  gen: () => `xoxp-${slackTeam()}-${slackTeam()}-${r.str(A.DIGITS, 13)}-${r.hex(32)}`, prefix: 'xoxp-', names: ['SLACK_USER_TOKEN', 'SLACK_OAUTH_TOKEN'], n: 4,
});
format({
  provider: 'slack', id: 'slack-app-token', desc: 'Slack app-level token: xapp-1-<app id>-<13 digits>-<64 hex>', doc: DOC_SLACK,
  gen: () => `xapp-1-A${r.mixed(A.UPNUM, 10)}-${r.str(A.DIGITS, 13)}-${r.hex(64)}`, prefix: 'xapp-1-', names: ['SLACK_APP_TOKEN'], n: 3,
  custom: [(t) => `handler = SocketModeHandler(app, "${t}")`],
});
format({
  provider: 'slack', id: 'slack-config-token', desc: 'Slack configuration access/refresh token: xoxe.xoxp-1- / xoxe-1-', doc: 'https://api.slack.com/authentication/config-tokens',
  gen: (i) => (i % 2 ? `xoxe-1-${r.b62(146)}` : `xoxe.xoxp-1-${r.b62(163)}`), prefix: 'xoxe.xoxp-1-', names: ['SLACK_CONFIG_TOKEN', 'SLACK_CONFIG_REFRESH_TOKEN'], n: 2, autoFp: 1,
});
format({
  provider: 'slack', id: 'slack-webhook', desc: 'Slack incoming webhook URL: hooks.slack.com/services/T.../B.../<24 alnum>', doc: 'https://api.slack.com/messaging/webhooks',
  gen: () => `https://hooks.slack.com/services/T${r.mixed(A.UPNUM, 10)}/B${r.mixed(A.UPNUM, 10)}/${r.b62(24)}`, names: ['SLACK_WEBHOOK_URL', 'SLACK_WEBHOOK'], n: 5,
  ph: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  custom: [
    (t) => `curl -X POST -H 'Content-type: application/json' --data '{"text":"Nightly backup failed"}' ${t}`,
    (t) => `- name: Notify\n  uses: slackapi/slack-github-action@v1\n  env:\n    SLACK_WEBHOOK_URL: ${t}`,
  ],
});
format({
  provider: 'slack', id: 'slack-workflow-webhook', desc: 'Slack workflow webhook URL: hooks.slack.com/triggers/T.../<id>/<32 hex>', doc: 'https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack',
  gen: () => `https://hooks.slack.com/triggers/T${r.mixed(A.UPNUM, 10)}/${r.str(A.DIGITS, 13)}/${r.hex(32)}`, names: ['SLACK_WORKFLOW_URL'], n: 2, autoFp: 1,
});
format({
  provider: 'slack', id: 'slack-signing-secret', desc: 'Slack signing secret (32 hex) with keyword', doc: 'https://api.slack.com/authentication/verifying-requests-from-slack',
  gen: () => r.hex(32), names: ['SLACK_SIGNING_SECRET'], n: 2, autoFp: 1,
});

const DOC_TWILIO = 'https://www.twilio.com/docs/iam/api-keys';
format({
  provider: 'twilio', id: 'twilio-auth-token', desc: 'Twilio account SID (AC + 32 hex) with 32-hex auth token', doc: 'https://www.twilio.com/docs/iam/credentials/api',
  gen: () => r.hex(32), names: ['TWILIO_AUTH_TOKEN'], n: 2,
  custom: [
    (t) => `TWILIO_ACCOUNT_SID=AC${r.hex(32)}\nTWILIO_AUTH_TOKEN=${t}`,
    (t) => `account_sid = "AC${r.hex(32)}"\nauth_token = "${t}"\nclient = Client(account_sid, auth_token)`,
    (t) => `curl -X POST https://api.twilio.com/2010-04-01/Accounts/AC${r.hex(32)}/Messages.json \\\n  --data-urlencode "Body=Your code is 4821" \\\n  -u AC${r.hex(32)}:${t}`,
  ],
  fps: [[`TWILIO_ACCOUNT_SID=AC${r.hex(32)}\nTWILIO_AUTH_TOKEN=your_auth_token`, 'account SID is an identifier; token is a placeholder'], [`TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`, 'doc placeholder SID']],
});
format({
  provider: 'twilio', id: 'twilio-api-key', desc: 'Twilio API key: SID SK + 32 hex with 32-char secret', doc: DOC_TWILIO,
  gen: () => 'SK' + r.hex(32), prefix: 'SK', names: ['TWILIO_API_KEY'], n: 0,
  custom: [
    (t) => `TWILIO_API_KEY=${t}\nTWILIO_API_SECRET=${r.b62(32)}`,
    (t) => `const client = twilio('${t}', '${r.b62(32)}', { accountSid: 'AC${r.hex(32)}' });`,
  ],
});
format({
  provider: 'sendgrid', id: 'sendgrid-api-key', desc: 'SendGrid API key: SG. + 22 + . + 43 chars [A-Za-z0-9_-]', doc: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
  gen: () => `SG.${r.mixed(A.B64URL, 22)}.${r.mixed(A.B64URL, 43)}`, prefix: 'SG.', names: ['SENDGRID_API_KEY', 'SMTP_PASSWORD', 'EMAIL_API_KEY'], n: 6,
  ph: 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  custom: [
    (t) => `curl --request POST --url https://api.sendgrid.com/v3/mail/send --header "Authorization: Bearer ${t}" --header 'Content-Type: application/json'`,
    (t) => `EMAIL_HOST=smtp.sendgrid.net\nEMAIL_HOST_USER=apikey\nEMAIL_HOST_PASSWORD=${t}\nEMAIL_PORT=587`,
  ],
});
format({
  provider: 'mailgun', id: 'mailgun-api-key', desc: 'Mailgun API key: legacy key- + 32 hex, current 32 hex-8 hex-8 hex', doc: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/',
  gen: (i) => (i % 2 ? 'key-' + r.hex(32) : `${r.hex(32)}-${r.hex(8)}-${r.hex(8)}`), names: ['MAILGUN_API_KEY', 'MAILGUN_KEY'], n: 4,
  custom: [(t) => `curl -s --user 'api:${t}' https://api.mailgun.net/v3/mg.acme.io/messages -F from='Ops <ops@mg.acme.io>' -F to=oncall@acme.io -F subject=Alert -F text='disk full'`],
});
format({
  provider: 'mailgun', id: 'mailgun-webhook-key', desc: 'Mailgun HTTP webhook signing key (32 hex) with keyword', doc: 'https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks',
  gen: () => r.hex(32), names: ['MAILGUN_WEBHOOK_SIGNING_KEY'], n: 2, autoFp: 1,
});
format({
  provider: 'mailchimp', id: 'mailchimp-api-key', desc: 'Mailchimp Marketing API key: 32 hex + -us<dc>', doc: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
  gen: () => `${r.hex(32)}-us${r.range(1, 21)}`, names: ['MAILCHIMP_API_KEY', 'MC_API_KEY'], n: 4,
  custom: [(t) => `mailchimp.setConfig({ apiKey: "${t}", server: "${t.split('-')[1]}" });`],
  ph: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us1',
});
format({
  provider: 'mailchimp', id: 'mandrill-api-key', desc: 'Mandrill (Mailchimp Transactional) API key: md- + 22 chars', doc: 'https://mailchimp.com/developer/transactional/guides/quick-start/',
  gen: () => 'md-' + r.mixed(A.B64URL, 22), prefix: 'md-', names: ['MANDRILL_API_KEY'], n: 2, autoFp: 1,
});
format({
  provider: 'telegram', id: 'telegram-bot-token', desc: 'Telegram bot token: <8-10 digit bot id>:<35 chars [A-Za-z0-9_-]>', doc: 'https://core.telegram.org/bots/api#authorizing-your-bot',
  gen: () => `${r.range(1, 7)}${r.str(A.DIGITS, 9)}:AA${r.mixed(A.B64URL, 33)}`, names: ['TELEGRAM_BOT_TOKEN', 'TG_BOT_TOKEN'], n: 5,
  ph: '123456789:ABCdefGhIJKlmNoPQRsTUVwxyZ',
  custom: [
    (t) => `curl "https://api.telegram.org/bot${t}/sendMessage?chat_id=-100${r.str(A.DIGITS, 10)}&text=build%20ok"`,
    (t) => `bot = telebot.TeleBot("${t}")`,
  ],
});
{
  // Discord bot token: base64(user id).<6-char timestamp>.<38-char HMAC>
  const discordToken = () => `${Buffer.from('1' + r.str(A.DIGITS, 18)).toString('base64').replace(/=+$/, '')}.${r.mixed(A.B64URL, 6)}.${r.mixed(A.B64URL, 38)}`;
  format({
    provider: 'discord', id: 'discord-bot-token', desc: 'Discord bot token: base64(snowflake id) . 6 chars . 27-38 chars', doc: 'https://discord.com/developers/docs/reference#authentication',
    gen: discordToken, names: ['DISCORD_TOKEN', 'DISCORD_BOT_TOKEN'], n: 5,
    custom: [(t) => `client.login('${t}');`, (t) => `curl -H "Authorization: Bot ${t}" https://discord.com/api/v10/users/@me`],
  });
  format({
    provider: 'discord', id: 'discord-webhook', desc: 'Discord webhook URL: /api/webhooks/<snowflake>/<68 chars>', doc: 'https://discord.com/developers/docs/resources/webhook',
    gen: () => `https://discord.com/api/webhooks/1${r.str(A.DIGITS, 18)}/${r.mixed(A.B64URL, 68)}`, names: ['DISCORD_WEBHOOK_URL', 'DISCORD_WEBHOOK'], n: 4,
    ph: 'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
    custom: [(t) => `curl -H "Content-Type: application/json" -d '{"content":"Release v2.3.0 is live"}' "${t.replace('discord.com', 'discordapp.com')}"`],
  });
  fp('discord', `DISCORD_CLIENT_ID=1${r.str(A.DIGITS, 18)}\nDISCORD_GUILD_ID=1${r.str(A.DIGITS, 18)}`, 'snowflake ids are identifiers');
  fp('discord', `Join us: https://discord.gg/${r.mixed(A.B62, 8)}`, 'public invite link');
}
format({
  provider: 'msteams', id: 'teams-webhook', desc: 'Microsoft Teams incoming webhook URL (webhook.office.com/webhookb2/...)', doc: 'https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  gen: () => `https://acme.webhook.office.com/webhookb2/${r.uuid()}@${r.uuid()}/IncomingWebhook/${r.hex(32)}/${r.uuid()}/V2${r.mixed(A.B64URL, 45)}`, names: ['TEAMS_WEBHOOK_URL', 'MS_TEAMS_WEBHOOK'], n: 4,
  ph: 'https://outlook.office.com/webhook/<id>/IncomingWebhook/<id>/<id>',
  custom: [(t) => `Invoke-RestMethod -Method Post -ContentType 'application/json' -Body '{"text":"Build failed"}' -Uri '${t}'`],
});
format({
  provider: 'postmark', id: 'postmark-server-token', desc: 'Postmark server API token (UUID) in the X-Postmark-Server-Token header / keyword', doc: 'https://postmarkapp.com/developer/api/overview#authentication',
  gen: () => r.uuid(), names: ['POSTMARK_SERVER_TOKEN', 'POSTMARK_API_TOKEN'], n: 2, autoFp: 1,
  custom: [(t) => `curl "https://api.postmarkapp.com/email" -X POST -H "Accept: application/json" -H "Content-Type: application/json" -H "X-Postmark-Server-Token: ${t}" -d '{"From":"ops@acme.io","To":"a@b.io","Subject":"hi","TextBody":"x"}'`],
  fps: [[`-H "X-Postmark-Server-Token: POSTMARK_API_TEST"`, 'Postmark documented test token literal']],
});
format({
  provider: 'pusher', id: 'pusher-secret', desc: 'Pusher Channels app secret (20 hex) with app id/key and keyword', doc: 'https://pusher.com/docs/channels/server_api/authenticating-users/',
  gen: () => r.hex(20), names: ['PUSHER_APP_SECRET', 'PUSHER_SECRET'], n: 1, autoFp: 1,
  custom: [(t) => `const pusher = new Pusher({\n  appId: "${r.str(A.DIGITS, 7)}",\n  key: "${r.hex(20)}",\n  secret: "${t}",\n  cluster: "eu",\n  useTLS: true\n});`],
});

// =====================================================================================
// AI providers
// =====================================================================================
format({
  provider: 'openai', id: 'openai-project-key', desc: 'OpenAI API key: sk-proj- / sk-svcacct- / sk-admin- + long body containing T3BlbkFJ', doc: 'https://platform.openai.com/docs/api-reference/authentication',
  gen: (i) => `${['sk-proj-', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'][i % 4]}${r.mixed(A.B64URL, 74)}T3BlbkFJ${r.mixed(A.B64URL, 74)}`, prefix: 'sk-proj-', names: ['OPENAI_API_KEY', 'OPENAI_KEY', 'LLM_API_KEY'], n: 6,
  custom: [
    (t) => `curl https://api.openai.com/v1/chat/completions \\\n  -H "Content-Type: application/json" \\\n  -H "Authorization: Bearer ${t}" \\\n  -d '{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "ping"}]}'`,
    (t) => `client = OpenAI(api_key="${t}")`,
    (t) => `const openai = new OpenAI({ apiKey: "${t}" });`,
  ],
  fps: [[`OPENAI_API_KEY=sk-...`, 'ellipsis placeholder'], [`OPENAI_API_KEY="sk-proj-YOUR_KEY_HERE"`, 'placeholder'], [`pip install scikit-learn  # sk-learn`, 'sk- in unrelated prose'], [`<html lang="sk-SK">`, 'sk- locale code']],
});
format({
  provider: 'openai', id: 'openai-legacy-key', desc: 'OpenAI legacy API key: sk- + 20 + T3BlbkFJ + 20', doc: 'https://platform.openai.com/docs/api-reference/authentication',
  gen: () => `sk-${r.b62(20)}T3BlbkFJ${r.b62(20)}`, prefix: 'sk-', names: ['OPENAI_API_KEY'], n: 3, autoFp: 1,
  custom: [(t) => `openai.api_key = "${t}"`],
});
format({
  provider: 'anthropic', id: 'anthropic-api-key', desc: 'Anthropic API key: sk-ant-api03- + 93 chars + AA (admin: sk-ant-admin01-)', doc: 'https://docs.anthropic.com/en/api/getting-started',
  gen: (i) => `${i === 4 ? 'sk-ant-admin01-' : 'sk-ant-api03-'}${r.mixed(A.B64URL, 93)}AA`, prefix: 'sk-ant-api03-', names: ['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY'], n: 6,
  custom: [
    (t) => `curl https://api.anthropic.com/v1/messages \\\n  --header "x-api-key: ${t}" \\\n  --header "anthropic-version: 2023-06-01" \\\n  --header "content-type: application/json"`,
    (t) => `client = anthropic.Anthropic(api_key="${t}")`,
  ],
  fps: [[`ANTHROPIC_API_KEY=sk-ant-api03-...`, 'ellipsis placeholder'], [`export ANTHROPIC_API_KEY="sk-ant-your-key"`, 'placeholder']],
});
format({
  provider: 'huggingface', id: 'hf-token', desc: 'Hugging Face user access token: hf_ + 34 letters', doc: 'https://huggingface.co/docs/hub/security-tokens',
  gen: () => 'hf_' + r.mixed(A.ALPHA, 34), prefix: 'hf_', names: ['HF_TOKEN', 'HUGGINGFACE_HUB_TOKEN', 'HUGGING_FACE_HUB_TOKEN'], n: 5,
  custom: [(t) => `from huggingface_hub import login\nlogin(token="${t}")`, (t) => `huggingface-cli login --token ${t}`],
  fps: [
    [`from huggingface_hub import hf_hub_download\npath = hf_hub_download(repo_id="bert-base-uncased", filename="config.json")`, 'hf_ prefix in a function name'],
    [`HF_HUB_ENABLE_HF_TRANSFER=1\nHF_HOME=/data/hf_cache`, 'hf_ prefixed env names and paths'],
  ],
});
format({
  provider: 'huggingface', id: 'hf-org-token', desc: 'Hugging Face organization API token: api_org_ + 34 letters', doc: 'https://huggingface.co/docs/hub/security-tokens',
  gen: () => 'api_org_' + r.mixed(A.ALPHA, 34), prefix: 'api_org_', names: ['HF_ORG_TOKEN'], n: 2, autoFp: 1,
});
format({
  provider: 'replicate', id: 'replicate-token', desc: 'Replicate API token: r8_ + 37 chars', doc: 'https://replicate.com/docs/topics/security/api-tokens',
  gen: () => 'r8_' + r.b62(37), prefix: 'r8_', names: ['REPLICATE_API_TOKEN'], n: 4,
  custom: [(t) => `curl -s -X POST -H "Authorization: Bearer ${t}" -H "Content-Type: application/json" https://api.replicate.com/v1/predictions`],
});
format({
  provider: 'groq', id: 'groq-key', desc: 'Groq API key: gsk_ + 52 alnum', doc: 'https://console.groq.com/docs/quickstart',
  gen: () => 'gsk_' + r.b62(52), prefix: 'gsk_', names: ['GROQ_API_KEY'], n: 4,
  custom: [(t) => `client = Groq(api_key="${t}")`],
});
format({
  provider: 'perplexity', id: 'pplx-key', desc: 'Perplexity API key: pplx- + 48 alnum', doc: 'https://docs.perplexity.ai/guides/getting-started',
  gen: () => 'pplx-' + r.b62(48), prefix: 'pplx-', names: ['PERPLEXITY_API_KEY', 'PPLX_API_KEY'], n: 3, autoFp: 1,
});
format({
  provider: 'xai', id: 'xai-key', desc: 'xAI API key: xai- + 80 alnum', doc: 'https://docs.x.ai/docs/overview',
  gen: () => 'xai-' + r.b62(80), prefix: 'xai-', names: ['XAI_API_KEY', 'GROK_API_KEY'], n: 3, autoFp: 1,
});
format({
  provider: 'openrouter', id: 'openrouter-key', desc: 'OpenRouter API key: sk-or-v1- + 64 hex', doc: 'https://openrouter.ai/docs/api-reference/authentication',
  gen: () => 'sk-or-v1-' + r.hex(64), prefix: 'sk-or-v1-', names: ['OPENROUTER_API_KEY'], n: 3, autoFp: 1,
});
format({
  provider: 'langsmith', id: 'langsmith-key', desc: 'LangSmith API key: lsv2_pt_ (personal) / lsv2_sk_ (service) + 32 hex + _ + 10 hex', doc: 'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key',
  gen: (i) => `lsv2_${i % 2 ? 'sk' : 'pt'}_${r.hex(32)}_${r.hex(10)}`, prefix: 'lsv2_pt_', names: ['LANGSMITH_API_KEY', 'LANGCHAIN_API_KEY'], n: 3, autoFp: 1,
});
format({
  provider: 'cohere', id: 'cohere-key', desc: 'Cohere API key (40 alnum, no prefix) with keyword', doc: 'https://docs.cohere.com/reference/about',
  gen: () => r.b62(40), names: ['COHERE_API_KEY', 'CO_API_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `co = cohere.ClientV2(api_key="${t}")`],
});
format({
  provider: 'mistral', id: 'mistral-key', desc: 'Mistral AI API key (32 alnum, no prefix) with keyword', doc: 'https://docs.mistral.ai/getting-started/quickstart/',
  gen: () => r.b62(32), names: ['MISTRAL_API_KEY'], n: 2, autoFp: 1,
});
format({
  provider: 'pinecone', id: 'pinecone-key', desc: 'Pinecone API key: pcsk_ + id + _ + secret', doc: 'https://docs.pinecone.io/guides/projects/manage-api-keys',
  gen: () => `pcsk_${r.b62(5)}_${r.b62(63)}`, prefix: 'pcsk_', names: ['PINECONE_API_KEY'], n: 2, autoFp: 1,
});

// =====================================================================================
// Package registries
// =====================================================================================
format({
  provider: 'npm', id: 'npm-token', desc: 'npm access token: npm_ + 30 base62 + 6-char base62 CRC32', doc: 'https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/',
  gen: () => crc62Token('npm_', r.b62(30)), prefix: 'npm_', names: ['NPM_TOKEN', 'NODE_AUTH_TOKEN', 'NPM_AUTH_TOKEN'], n: 5,
  custom: [
    (t) => `//registry.npmjs.org/:_authToken=${t}`,
    (t) => `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${t}\nalways-auth=true`,
    (t) => `npmAuthToken: "${t}"\nnpmRegistryServer: "https://registry.npmjs.org"`,
    (t) => `RUN echo "//registry.npmjs.org/:_authToken=${t}" > .npmrc && npm ci`,
  ],
  fps: [
    [`//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`, 'npmrc with environment substitution'],
    [`npm_config_cache=/tmp/.npm\nnpm_config_registry=https://registry.npmjs.org/\nnpm_package_version=4.2.1`, 'npm_ prefixed config variables'],
    [`// checksum deliberately wrong: validator fixture\nconst malformedNpm = "npm_${r.b62(30)}${base62((crc32('x') + 1) >>> 0, 6)}";`, 'npm_-shaped string with wrong CRC32 checksum'],
    [`"resolved": "https://registry.npmjs.org/npm_lifecycle/-/npm_lifecycle-1.0.0.tgz"`, 'npm_ in a package name'],
  ],
});
format({
  provider: 'npm', id: 'npm-legacy-token', desc: 'npm legacy (UUID) auth token in .npmrc _authToken', doc: 'https://docs.npmjs.com/about-access-tokens',
  gen: () => r.uuid(), names: ['NPM_TOKEN'], n: 0, autoFp: 0,
  custom: [(t) => `//registry.npmjs.org/:_authToken=${t}`, (t) => `//npm.internal.acme.io/:_authToken="${t}"`],
});
format({
  provider: 'pypi', id: 'pypi-token', desc: 'PyPI API token: pypi- + base64 macaroon starting AgEIcHlwaS5vcmc', doc: 'https://pypi.org/help/#apitoken',
  gen: () => 'pypi-AgEIcHlwaS5vcmc' + r.mixed(A.B64URL, 150), prefix: 'pypi-AgEIcHlwaS5vcmc', names: ['PYPI_TOKEN', 'TWINE_PASSWORD', 'PYPI_API_TOKEN'], n: 4,
  custom: [
    (t) => `[pypi]\n  username = __token__\n  password = ${t}`,
    (t) => `twine upload -u __token__ -p ${t} dist/*`,
    (t) => `poetry config pypi-token.pypi ${t}`,
  ],
  fps: [[`[pypi]\nusername = __token__\npassword = pypi-<your-token>`, 'documentation placeholder'], [`- name: Publish\n  uses: pypa/gh-action-pypi-publish@release/v1\n  with:\n    password: \${{ secrets.PYPI_API_TOKEN }}`, 'Actions secret reference']],
});
format({
  provider: 'pypi', id: 'testpypi-token', desc: 'TestPyPI API token: pypi-AgENdGVzdC5weXBpLm9yZw prefix', doc: 'https://packaging.python.org/en/latest/guides/using-testpypi/',
  gen: () => 'pypi-AgENdGVzdC5weXBpLm9yZw' + r.mixed(A.B64URL, 140), prefix: 'pypi-AgENdGVzdC5weXBpLm9yZw', names: ['TEST_PYPI_TOKEN'], n: 2, autoFp: 0,
});
format({
  provider: 'rubygems', id: 'rubygems-key', desc: 'RubyGems API key: rubygems_ + 48 hex', doc: 'https://guides.rubygems.org/api-key-scopes/',
  gen: () => 'rubygems_' + r.hex(48), prefix: 'rubygems_', names: ['GEM_HOST_API_KEY', 'RUBYGEMS_API_KEY'], n: 3,
  custom: [(t) => `---\n:rubygems_api_key: ${t}`],
});
format({
  provider: 'nuget', id: 'nuget-key', desc: 'NuGet.org API key: oy2 + 43 lowercase alnum', doc: 'https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys',
  gen: () => 'oy2' + r.mixed(A.LOWNUM, 43), prefix: 'oy2', names: ['NUGET_API_KEY'], n: 3,
  custom: [(t) => `dotnet nuget push bin/Release/Acme.Core.2.1.0.nupkg --api-key ${t} --source https://api.nuget.org/v3/index.json`, (t) => `<packageSourceCredentials>\n  <nuget.org>\n    <add key="Username" value="ci" />\n    <add key="ClearTextPassword" value="${t}" />\n  </nuget.org>\n</packageSourceCredentials>`],
});
format({
  provider: 'dockerhub', id: 'docker-pat', desc: 'Docker Hub personal/org access token: dckr_pat_ / dckr_oat_ + 27 chars', doc: 'https://docs.docker.com/security/for-developers/access-tokens/',
  gen: (i) => (i === 3 ? 'dckr_oat_' : 'dckr_pat_') + r.mixed(A.B64URL, 27), prefix: 'dckr_pat_', names: ['DOCKERHUB_TOKEN', 'DOCKER_PASSWORD', 'DOCKER_HUB_ACCESS_TOKEN'], n: 4,
  custom: [(t) => `echo "${t}" | docker login -u acmeci --password-stdin`],
});
{
  const auth = () => Buffer.from(`acmeci:${r.b62(20)}`).toString('base64');
  tp('dockerhub', `{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "${auth()}"\n    }\n  }\n}`, 'docker config.json with base64(user:password) auth (https://docs.docker.com/reference/cli/docker/login/)');
  tp('dockerhub', `{"auths":{"ghcr.io":{"auth":"${auth()}"}}}`, 'dockerconfigjson auth entry (https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/)');
  formatList('dockerhub', 'docker config.json auths base64(user:password)');
  fp('dockerhub', `{\n  "auths": {\n    "https://index.docker.io/v1/": {}\n  },\n  "credsStore": "desktop"\n}`, 'config.json delegating to a credential store');
  fp('dockerhub', `docker login -u "$DOCKER_USERNAME" --password-stdin <<< "$DOCKER_PASSWORD"`, 'variables only');
}
format({
  provider: 'cratesio', id: 'crates-token', desc: 'crates.io API token: cio + 32 alnum', doc: 'https://doc.rust-lang.org/cargo/reference/config.html#registrytoken',
  gen: () => 'cio' + r.b62(32), prefix: 'cio', names: ['CARGO_REGISTRY_TOKEN', 'CRATES_IO_TOKEN'], n: 3,
  custom: [(t) => `[registry]\ntoken = "${t}"`, (t) => `cargo publish --token ${t}`],
});
format({
  provider: 'clojars', id: 'clojars-token', desc: 'Clojars deploy token: CLOJARS_ + 60 lowercase hex', doc: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens',
  gen: () => 'CLOJARS_' + r.hex(60), prefix: 'CLOJARS_', names: ['CLOJARS_PASSWORD', 'CLOJARS_TOKEN'], n: 2, autoFp: 1,
});
format({
  provider: 'postman', id: 'postman-key', desc: 'Postman API key: PMAK- + 24 hex + - + 34 hex', doc: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
  gen: () => `PMAK-${r.hex(24)}-${r.hex(34)}`, prefix: 'PMAK-', names: ['POSTMAN_API_KEY'], n: 3,
  custom: [(t) => `curl --location 'https://api.getpostman.com/collections' --header 'X-Api-Key: ${t}'`],
});

// =====================================================================================
// Developer platforms, observability and SaaS
// =====================================================================================
format({
  provider: 'databricks', id: 'databricks-pat', desc: 'Databricks personal access token: dapi + 32 hex (optional -N suffix)', doc: 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
  gen: (i) => 'dapi' + r.hex(32) + (i % 2 ? '-2' : ''), prefix: 'dapi', names: ['DATABRICKS_TOKEN'], n: 3,
  custom: [(t) => `[DEFAULT]\nhost  = https://adb-${r.str(A.DIGITS, 16)}.7.azuredatabricks.net\ntoken = ${t}`],
});
format({
  provider: 'supabase', id: 'supabase-pat', desc: 'Supabase personal access token: sbp_ + 40 hex', doc: 'https://supabase.com/docs/reference/cli/supabase-login',
  gen: () => 'sbp_' + r.hex(40), prefix: 'sbp_', names: ['SUPABASE_ACCESS_TOKEN'], n: 3, autoFp: 1,
});
format({
  provider: 'doppler', id: 'doppler-token', desc: 'Doppler token: dp.pt. (personal) / dp.st. (service) / dp.sa. + 43 chars', doc: 'https://docs.doppler.com/docs/service-tokens',
  gen: (i) => (i % 2 ? 'dp.st.prd.' : 'dp.pt.') + r.b62(43), prefix: 'dp.pt.', names: ['DOPPLER_TOKEN'], n: 3,
  custom: [(t) => `doppler configure set token ${t} --scope /srv/app`],
});
format({
  provider: 'pulumi', id: 'pulumi-token', desc: 'Pulumi access token: pul- + 40 hex', doc: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/',
  gen: () => 'pul-' + r.hex(40), prefix: 'pul-', names: ['PULUMI_ACCESS_TOKEN'], n: 3, autoFp: 1,
});
format({
  provider: 'linear', id: 'linear-key', desc: 'Linear personal API key: lin_api_ + 40 alnum', doc: 'https://linear.app/developers/graphql#personal-api-keys',
  gen: () => 'lin_api_' + r.b62(40), prefix: 'lin_api_', names: ['LINEAR_API_KEY'], n: 3, autoFp: 1,
  custom: [(t) => `curl -X POST -H "Content-Type: application/json" -H "Authorization: ${t}" --data '{ "query": "{ viewer { id } }" }' https://api.linear.app/graphql`],
});
format({
  provider: 'notion', id: 'notion-token', desc: 'Notion integration token: ntn_ + 46 chars (older: secret_ + 43)', doc: 'https://developers.notion.com/docs/authorization',
  gen: (i) => (i % 2 ? 'secret_' + r.b62(43) : 'ntn_' + r.str(A.DIGITS, 11) + r.b62(35)), prefix: 'ntn_', names: ['NOTION_TOKEN', 'NOTION_API_KEY'], n: 4,
  custom: [(t) => `const notion = new Client({ auth: "${t}" });`],
});
format({
  provider: 'sentry', id: 'sentry-tokens', desc: 'Sentry auth token: sntrys_ (org: base64 JSON claims + _ + 43-char base64 secret) / sntryu_ (user, 64 hex)', doc: 'https://docs.sentry.io/account/auth-tokens/',
  gen: (i) => (i % 2
    ? 'sntryu_' + r.hex(64)
    : 'sntrys_' + Buffer.from(JSON.stringify({ iat: Number(`${1700000000 + r.int(9e7)}.${r.range(100000, 999999)}`), url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' })).toString('base64') + '_' + r.b64bytes(32).replace(/=+$/, '')),
  prefix: 'sntryu_', names: ['SENTRY_AUTH_TOKEN'], n: 4,
  custom: [(t) => `[auth]\ntoken=${t}`],
  fps: [[`SENTRY_DSN=https://${r.hex(32)}@o${r.str(A.DIGITS, 6)}.ingest.sentry.io/${r.str(A.DIGITS, 7)}`, 'Sentry DSN public key is safe to expose per Sentry docs (https://docs.sentry.io/concepts/key-terms/dsn-explainer/)'], [`Sentry.init({ dsn: "https://${r.hex(32)}@o${r.str(A.DIGITS, 6)}.ingest.us.sentry.io/${r.str(A.DIGITS, 7)}", tracesSampleRate: 0.2 });`, 'DSN in browser init code']],
});
format({
  provider: 'grafana', id: 'grafana-tokens', desc: 'Grafana service account token glsa_ + 32 + _ + 8 hex; Grafana Cloud token glc_ + base64 JSON', doc: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
  gen: (i) => (i % 2
    ? 'glc_' + Buffer.from(JSON.stringify({ o: r.str(A.DIGITS, 6), n: 'stack-' + r.str(A.DIGITS, 6) + '-hm-write', k: r.b62(24), m: { r: 'prod-us-east-0' } })).toString('base64').replace(/=+$/, '')
    : `glsa_${r.b62(32)}_${r.hex(8)}`),
  prefix: 'glsa_', names: ['GRAFANA_TOKEN', 'GRAFANA_SERVICE_ACCOUNT_TOKEN', 'GRAFANA_CLOUD_API_KEY'], n: 4,
});
format({
  provider: 'newrelic', id: 'newrelic-user-key', desc: 'New Relic user API key: NRAK- + 27 upper alnum', doc: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/',
  gen: () => 'NRAK-' + r.mixed(A.UPNUM, 27), prefix: 'NRAK-', names: ['NEW_RELIC_API_KEY', 'NEW_RELIC_USER_KEY'], n: 3, autoFp: 1,
  custom: [(t) => `curl -X POST https://api.newrelic.com/graphql -H 'Content-Type: application/json' -H 'API-Key: ${t}' -d '{"query":"{ actor { user { name } } }"}'`],
});
format({
  provider: 'newrelic', id: 'newrelic-license-key', desc: 'New Relic ingest license key (40 chars ending NRAL) with keyword', doc: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key',
  gen: () => r.hex(36) + 'NRAL', names: ['NEW_RELIC_LICENSE_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `common: &default_settings\n  license_key: '${t}'\n  app_name: payments-api`],
});
format({
  provider: 'datadog', id: 'datadog-keys', desc: 'Datadog API key (32 hex) / application key (40 hex) with keyword', doc: 'https://docs.datadoghq.com/account_management/api-app-keys/',
  gen: (i) => (i % 2 ? r.hex(40) : r.hex(32)), names: ['DD_API_KEY', 'DATADOG_API_KEY', 'DD_APP_KEY'], n: 4,
  custom: [(_t) => `curl -X GET "https://api.datadoghq.com/api/v1/validate" -H "DD-API-KEY: ${r.hex(32)}"`, (_t) => `api_key: ${r.hex(32)}\nsite: datadoghq.eu\nlogs_enabled: true`],
});
format({
  provider: 'planetscale', id: 'planetscale', desc: 'PlanetScale service token pscale_tkn_ / database password pscale_pw_ + 43 chars', doc: 'https://planetscale.com/docs/concepts/service-tokens',
  gen: (i) => (i % 2 ? 'pscale_pw_' : 'pscale_tkn_') + r.mixed(A.B64URL, 43), prefix: 'pscale_tkn_', names: ['PLANETSCALE_SERVICE_TOKEN', 'DATABASE_PASSWORD'], n: 3, autoFp: 1,
  custom: [(_t) => `DATABASE_URL="mysql://${r.mixed(A.LOWNUM, 12)}:pscale_pw_${r.mixed(A.B64URL, 43)}@aws.connect.psdb.cloud/shop?sslaccept=strict"`],
});
format({
  provider: 'airtable', id: 'airtable-pat', desc: 'Airtable personal access token: pat + 14 alnum + . + 64 hex', doc: 'https://airtable.com/developers/web/guides/personal-access-tokens',
  gen: () => `pat${r.b62(14)}.${r.hex(64)}`, names: ['AIRTABLE_API_KEY', 'AIRTABLE_TOKEN'], n: 3, autoFp: 1,
  ph: 'patXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
});
format({
  provider: 'age', id: 'age-secret-key', desc: 'age X25519 identity: Bech32 with HRP AGE-SECRET-KEY- (uppercase, valid checksum)', doc: 'https://github.com/FiloSottile/age#readme (format spec https://age-encryption.org/v1)',
  gen: () => bech32('AGE-SECRET-KEY-', r.bytes(32)).toUpperCase(), prefix: 'AGE-SECRET-KEY-1', names: ['SOPS_AGE_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `# created: 2024-04-18T10:12:44Z\n# public key: ${bech32('age', r.bytes(32))}\n${t}`],
  fps: [[`# public key: ${bech32('age', r.bytes(32))}\nrecipients:\n  - ${bech32('age', r.bytes(32))}`, 'age recipients are public keys']],
});
format({
  provider: 'contentful', id: 'contentful-pat', desc: 'Contentful personal access token: CFPAT- + 43 chars', doc: 'https://www.contentful.com/developers/docs/references/authentication/',
  gen: () => 'CFPAT-' + r.mixed(A.B64URL, 43), prefix: 'CFPAT-', names: ['CONTENTFUL_MANAGEMENT_TOKEN'], n: 2, autoFp: 1,
});
format({
  provider: 'dynatrace', id: 'dynatrace-token', desc: 'Dynatrace API token: dt0c01. + 24 upper alnum + . + 64 upper alnum', doc: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens',
  gen: () => `dt0c01.${r.mixed(A.UPNUM, 24)}.${r.mixed(A.UPNUM, 64)}`, prefix: 'dt0c01.', names: ['DT_API_TOKEN', 'DYNATRACE_API_TOKEN'], n: 3, autoFp: 1,
  custom: [(t) => `curl -H "Authorization: Api-Token ${t}" "https://abc12345.live.dynatrace.com/api/v2/entities"`],
});
format({
  provider: 'tailscale', id: 'tailscale-key', desc: 'Tailscale auth key / API key: tskey-auth- / tskey-api- + id + - + secret', doc: 'https://tailscale.com/kb/1085/auth-keys',
  gen: (i) => `tskey-${i % 2 ? 'api' : 'auth'}-k${r.b62(11)}CNTRL-${r.b62(33)}`, prefix: 'tskey-auth-', names: ['TS_AUTHKEY', 'TAILSCALE_API_KEY'], n: 3, autoFp: 1,
  custom: [(t) => `tailscale up --authkey=${t} --hostname=build-agent-07`],
});
format({
  provider: 'mapbox', id: 'mapbox-secret-token', desc: 'Mapbox secret access token: sk.eyJ1Ijoi... (sk. + base64 JSON + . + 22 chars)', doc: 'https://docs.mapbox.com/accounts/guides/tokens/',
  gen: () => 'sk.' + b64url(Buffer.from(JSON.stringify({ u: 'acme-maps', a: r.mixed(A.LOWNUM, 25) }))) + '.' + r.mixed(A.B64URL, 22), prefix: 'sk.eyJ1Ijoi', names: ['MAPBOX_SECRET_TOKEN', 'MAPBOX_DOWNLOADS_TOKEN'], n: 3,
  custom: [(t) => `machine api.mapbox.com\n  login mapbox\n  password ${t}`],
});
format({
  provider: 'twitter', id: 'twitter-bearer', desc: 'X/Twitter app bearer token: AAAAAAAAAAAAAAAAAAAAA + url-encoded body', doc: 'https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens',
  gen: () => 'AAAAAAAAAAAAAAAAAAAAA' + r.b62(23) + '%3D' + r.b62(50), prefix: 'AAAAAAAAAAAAAAAAAAAAA', names: ['TWITTER_BEARER_TOKEN', 'X_BEARER_TOKEN'], n: 3, autoFp: 1,
  custom: [(t) => `curl "https://api.x.com/2/tweets/search/recent?query=from:acme" -H "Authorization: Bearer ${t}"`],
});
format({
  provider: 'firebase', id: 'fcm-server-key', desc: 'Firebase Cloud Messaging legacy server key: AAAA + 7 chars + :APA91b + 134 chars', doc: 'https://firebase.google.com/docs/cloud-messaging/auth-server',
  gen: () => `AAAA${r.mixed(A.B64URL, 7)}:APA91b${r.mixed(A.B64URL, 134)}`, names: ['FCM_SERVER_KEY', 'FIREBASE_SERVER_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `curl -X POST -H "Authorization: key=${t}" -H "Content-Type: application/json" https://fcm.googleapis.com/fcm/send`],
});
format({
  provider: 'launchdarkly', id: 'launchdarkly-keys', desc: 'LaunchDarkly server-side SDK key (sdk-<uuid>) / API access token (api-<uuid>)', doc: 'https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys',
  gen: (i) => (i % 2 ? 'api-' : 'sdk-') + r.uuid(), prefix: 'sdk-', names: ['LAUNCHDARKLY_SDK_KEY', 'LD_API_TOKEN'], n: 3, autoFp: 1,
  fps: [[`LAUNCHDARKLY_CLIENT_SIDE_ID=${r.hex(24)}`, 'client-side id is public by design']],
});
format({
  provider: 'okta', id: 'okta-api-token', desc: 'Okta API token: 00 + 40 chars with SSWS scheme/keyword', doc: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
  gen: () => '00' + r.mixed(A.B64URL, 40), names: ['OKTA_API_TOKEN', 'OKTA_CLIENT_TOKEN'], n: 2, autoFp: 1,
  custom: [(t) => `curl -H "Authorization: SSWS ${t}" "https://acme.okta.com/api/v1/users?limit=25"`],
});
format({
  provider: 'algolia', id: 'algolia-admin-key', desc: 'Algolia admin API key (32 hex) with app id and keyword', doc: 'https://www.algolia.com/doc/guides/security/api-keys/',
  gen: () => r.hex(32), names: ['ALGOLIA_ADMIN_KEY', 'ALGOLIA_ADMIN_API_KEY'], n: 2, autoFp: 1,
  custom: [(t) => `const client = algoliasearch('${r.mixed(A.UPNUM, 10)}', '${t}');\nawait client.saveObjects({ indexName: 'products', objects });`],
  fps: [[`ALGOLIA_APP_ID=${r.mixed(A.UPNUM, 10)}\nALGOLIA_SEARCH_ONLY_KEY=${r.hex(32)}  # public search key, safe in the browser`, 'Algolia search-only key is intended to be public']],
});
format({
  provider: 'asana', id: 'asana-pat', desc: 'Asana personal access token: 1/ or 2/ + numeric ids + : + 32 hex', doc: 'https://developers.asana.com/docs/personal-access-token',
  gen: (i) => (i % 2 ? `2/${r.str(A.DIGITS, 16)}/${r.str(A.DIGITS, 16)}:${r.hex(32)}` : `1/${r.str(A.DIGITS, 16)}:${r.hex(32)}`), names: ['ASANA_ACCESS_TOKEN', 'ASANA_PAT'], n: 2, autoFp: 1,
});
format({
  provider: 'dropbox', id: 'dropbox-token', desc: 'Dropbox short-lived access token: sl. + ~140 chars', doc: 'https://developers.dropbox.com/oauth-guide',
  gen: () => 'sl.' + r.mixed(A.B64URL, 138), prefix: 'sl.', names: ['DROPBOX_ACCESS_TOKEN'], n: 2, autoFp: 1,
});
format({
  provider: 'render', id: 'render-key', desc: 'Render API key: rnd_ + 32 alnum', doc: 'https://render.com/docs/api#1-create-an-api-key',
  gen: () => 'rnd_' + r.b62(32), prefix: 'rnd_', names: ['RENDER_API_KEY'], n: 2, autoFp: 1,
});
format({
  provider: 'facebook', id: 'facebook-app-secret', desc: 'Meta app secret (32 hex) with app id and keyword; page access token EAA...', doc: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
  gen: () => r.hex(32), names: ['FACEBOOK_APP_SECRET', 'FB_APP_SECRET'], n: 2, autoFp: 1,
  custom: [(_t) => `FACEBOOK_PAGE_ACCESS_TOKEN=EAAG${r.b62(180)}`],
});

// =====================================================================================
// Private keys
// =====================================================================================
{
  const P = 'private-keys';
  const RFC = 'RFC 7468 https://www.rfc-editor.org/rfc/rfc7468';
  const rsa1 = K.rsaKey(2048, r), rsa2 = K.rsaKey(2048, r), rsa3 = K.rsaKey(1024, r), rsa4 = K.rsaKey(2048, r);
  const ec1 = K.ecKey('P-256', r), ec2 = K.ecKey('P-384', r), ec3 = K.ecKey('P-256', r);
  const ed1 = K.ed25519Key(r), ed2 = K.ed25519Key(r), ed3 = K.ed25519Key(r);
  const dsa1 = K.dsaKey(r);
  const jsonEsc = (s) => s.replace(/\n/g, '\\n');
  const indent = (s, n) => s.trimEnd().split('\n').map((l) => ' '.repeat(n) + l).join('\n');

  tp(P, K.pkcs1Pem(rsa1), `PKCS#1 RSA private key PEM (${RFC}; RFC 8017)`);
  tp(P, `# deploy key for the release job\nDEPLOY_KEY="${jsonEsc(K.pkcs1Pem(rsa3))}"`, 'PKCS#1 RSA key with escaped newlines in an env file');
  tp(P, `tls:\n  cert_file: /etc/ssl/certs/api.pem\n  key: |\n${indent(K.pkcs8Pem(rsa2), 4)}`, `PKCS#8 "BEGIN PRIVATE KEY" in a YAML block scalar (${RFC})`);
  tp(P, K.pkcs8Pem(ec3), `PKCS#8 EC private key (${RFC})`);
  tp(P, K.sec1Pem(ec1), 'SEC1 "BEGIN EC PRIVATE KEY" P-256 (RFC 5915)');
  tp(P, `const signingKey = \`${K.sec1Pem(ec2)}\`;`, 'SEC1 EC P-384 key in a JS template literal (RFC 5915)');
  tp(P, K.dsaPem(dsa1), 'OpenSSL "BEGIN DSA PRIVATE KEY" (RFC 3279 parameters)');
  tp(P, K.pkcs8Pem(ed1), `Ed25519 PKCS#8 private key (RFC 8410)`);
  tp(P, K.encryptedPkcs8Pem(rsa4, r), `PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY" (${RFC} section 11); still key material that must not be committed`);
  tp(P, K.legacyEncryptedRsaPem(rsa1, r), 'legacy OpenSSL encrypted RSA key with Proc-Type/DEK-Info headers (RFC 1421)');
  tp(P, K.opensshPem(ed2, 'deploy@build-01', r), 'OpenSSH private key, ed25519 (https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key)');
  tp(P, K.opensshPem(rsa2, 'jenkins@ci', r), 'OpenSSH private key, RSA (PROTOCOL.key)');
  tp(P, K.opensshPem(ec1, 'ops@bastion', r), 'OpenSSH private key, ECDSA P-256 (PROTOCOL.key)');
  tp(P, `- name: Configure SSH\n  run: |\n    mkdir -p ~/.ssh\n    cat > ~/.ssh/id_ed25519 <<'EOF'\n${indent(K.opensshPem(ed3, 'gha@deploy', r), 4)}\n    EOF\n    chmod 600 ~/.ssh/id_ed25519`, 'OpenSSH key written from a CI heredoc');
  tp(P, K.puttyPpk(ed1, 'eddsa-key-20240511'), 'PuTTY private key file v3, unencrypted (https://the.earth.li/~sgtatham/putty/0.81/htmldoc/AppendixC.html)');
  tp(P, K.puttyPpk(rsa3, 'rsa-key-20231102'), 'PuTTY private key file v3, RSA');
  tp(P, K.pgpSecretKeyBlock(ed2, 'Release Signing <release@acme.io>', 1700000000 + r.int(5e7)), 'OpenPGP armored secret key block (RFC 4880 section 6.2 / RFC 9580)');
  tp(P, `GPG_PRIVATE_KEY: |\n${indent(K.pgpSecretKeyBlock(ed3, 'CI Bot <ci@acme.io>', 1700000000 + r.int(5e7)), 2)}`, 'OpenPGP secret key in YAML');
  tp(P, `{\n  "kid": "signing-2024",\n  "privateKeyPem": "${jsonEsc(K.pkcs8Pem(K.ecKey('P-256', r)))}"\n}`, 'PKCS#8 key inside JSON with escaped newlines');
  tp(P, `apiVersion: v1\nkind: Config\nusers:\n- name: admin\n  user:\n    client-certificate-data: ${Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB' + r.b62(40) + '\n-----END CERTIFICATE-----\n').toString('base64')}\n    client-key-data: ${Buffer.from(K.sec1Pem(K.ecKey('P-256', r))).toString('base64')}`, 'kubeconfig client-key-data: base64 of an EC private key PEM (https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/)');
  tp(P, `$privateKey = <<<KEY\n${K.pkcs1Pem(K.rsaKey(1024, r))}KEY;`, 'RSA key in a PHP heredoc');
  const jwk = ec1.key.export({ format: 'jwk' });
  tp(P, JSON.stringify({ keys: [{ ...jwk, kid: 'k1', use: 'sig', alg: 'ES256' }] }, null, 2), 'private JWK (contains the "d" parameter) in a JWKS file (RFC 7517/7518 section 6.2.2.1)');

  formatList(P, 'PKCS#1 RSA PEM', 'PKCS#8 PEM', 'SEC1 EC PEM', 'DSA PEM', 'PKCS#8 ENCRYPTED PEM', 'legacy encrypted RSA PEM (Proc-Type)', 'OpenSSH private key (ed25519/RSA/ECDSA)', 'PuTTY PPK v3', 'OpenPGP secret key block', 'private JWK', 'kubeconfig client-key-data (base64 PEM)');
  fp(P, K.publicPem(rsa1), 'public key PEM is not secret');
  fp(P, `${K.sshPublicLine(ed1, 'deploy@build-01')}\n${K.sshPublicLine(rsa2, 'jenkins@ci')}`, 'authorized_keys entries are public keys');
  fp(P, `-----BEGIN CERTIFICATE-----\n${wrap(r.b64bytes(700))}\n-----END CERTIFICATE-----`, 'X.509 certificate block is public');
  fp(P, `-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----`, 'elided key in documentation');
  fp(P, `-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----`, 'placeholder body');
  fp(P, `if (pem.includes("-----BEGIN OPENSSH PRIVATE KEY-----")) {\n  return parseOpenSsh(pem);\n}`, 'header string used in parsing code');
  fp(P, `PRIVATE_KEY_HEADER = "-----BEGIN RSA PRIVATE KEY-----"\nPRIVATE_KEY_FOOTER = "-----END RSA PRIVATE KEY-----"`, 'header constants only');
  fp(P, `ssh_private_key_path: ~/.ssh/id_ed25519\nssh_public_key: "${K.sshPublicLine(ed3, 'ops')}"`, 'key path and public key only');
  fp(P, `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${wrap(r.b64bytes(300))}\n=${r.b64bytes(3)}\n-----END PGP PUBLIC KEY BLOCK-----`, 'PGP public key block');
  fp(P, `-----BEGIN PGP SIGNATURE-----\n\niHUEABYKAB0WIQ${r.mixed(A.B64, 60)}\n${r.mixed(A.B64, 40)}\n=${r.b64bytes(3)}\n-----END PGP SIGNATURE-----`, 'detached signature');
  fp(P, `openssl genpkey -algorithm ed25519 -out "$KEY_DIR/signing.key"`, 'command that generates a key file');
  fp(P, `-----BEGIN CERTIFICATE REQUEST-----\n${wrap(r.b64bytes(400))}\n-----END CERTIFICATE REQUEST-----`, 'CSR is public');
  fp(P, `{"kty":"EC","crv":"P-256","x":"${jwk.x}","y":"${jwk.y}","kid":"k1","use":"sig"}`, 'public JWK (no "d")');
  fp(P, `ssh-keygen -t ed25519 -C "ci@acme.io" -f ./id_ed25519 -N ""`, 'key generation command');
  fp(P, `key_file: /run/secrets/tls.key\ncert_file: /run/secrets/tls.crt`, 'paths to key files');
}

// =====================================================================================
// JSON Web Tokens
// =====================================================================================
{
  const P = 'jwt';
  const DOC = 'RFC 7519 https://www.rfc-editor.org/rfc/rfc7519';
  const now = 1714000000;
  const mk = (payload, alg = 'HS256') => hmacJwt({ alg, typ: 'JWT' }, payload, r.bytes(32));
  const rsa = K.rsaKey(2048, r);
  const rsJwt = (payload) => {
    const h = b64url(Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: r.hex(16) })));
    const p = b64url(Buffer.from(JSON.stringify(payload)));
    const sig = crypto.sign('sha256', Buffer.from(`${h}.${p}`), rsa.key);
    return `${h}.${p}.${b64url(sig)}`;
  };
  const supa = (role) => mk({ iss: 'supabase', ref: r.mixed(A.LOWER, 20), role, iat: now, exp: now + 315360000 });
  tp(P, `SUPABASE_SERVICE_ROLE_KEY=${supa('service_role')}`, `Supabase service_role key is a long-lived HS256 JWT (https://supabase.com/docs/guides/api/api-keys; ${DOC})`);
  tp(P, `curl https://api.acme.io/v2/orders -H "Authorization: Bearer ${rsJwt({ sub: 'svc-reporting', aud: 'api.acme.io', scope: 'orders:read', iat: now, exp: now + 31536000 })}"`, `RS256 bearer JWT in a curl command (${DOC})`);
  tp(P, `API_TOKEN=${mk({ sub: 'ci-bot', role: 'admin', iat: now })}`, `HS256 JWT without expiry used as an API token (${DOC})`);
  tp(P, `const headers = {\n  Authorization: "Bearer ${mk({ userId: r.int(99999), email: 'ops@acme.io', iat: now, exp: now + 86400 * 365 })}",\n};`, `JWT in JS headers object (${DOC})`);
  tp(P, `apiVersion: v1\nkind: Config\nusers:\n- name: deployer\n  user:\n    token: ${rsJwt({ iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'ci', 'kubernetes.io/serviceaccount/service-account.name': 'deployer', sub: 'system:serviceaccount:ci:deployer' })}`, `Kubernetes service account token in a kubeconfig (https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/; ${DOC})`);
  tp(P, `{\n  "access_token": "${rsJwt({ iss: 'https://login.acme.io/', sub: r.uuid(), aud: 'https://api.acme.io', scope: 'read:all write:all', iat: now, exp: now + 7776000 })}",\n  "token_type": "Bearer"\n}`, `OAuth access token (JWT) in a saved response (${DOC})`);
  tp(P, `jfrog_access_token = "${rsJwt({ ext: '{"revocable":"true"}', sub: 'jfac@01h/users/ci', scp: 'applied-permissions/user', aud: '*@*', iss: 'jfac@01h', iat: now, jti: r.uuid() })}"`, `JFrog access token (JWT) (https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens; ${DOC})`);
  tp(P, `SUPABASE_KEY=${supa('service_role')}\nSUPABASE_URL=https://${r.mixed(A.LOWER, 20)}.supabase.co`, `Supabase service role JWT (${DOC})`);
  tp(P, `x-hasura-admin-token: ${mk({ 'https://hasura.io/jwt/claims': { 'x-hasura-allowed-roles': ['admin'], 'x-hasura-default-role': 'admin' }, sub: 'ops', iat: now })}`, `admin JWT in a request header (${DOC})`);
  tp(P, `session_cookie = "session=${mk({ sid: r.hex(16), uid: 1, adm: true, iat: now, exp: now + 2592000 })}; Path=/; HttpOnly"`, `session JWT in a cookie string (${DOC})`);

  formatList(P, 'JWT (HS256/RS256) used as bearer/API/service token');
  fp(P, `SUPABASE_ANON_KEY=${supa('anon')}`, 'Supabase anon key is a public client key by design (https://supabase.com/docs/guides/api/api-keys)');
  fp(P, `Authorization: Bearer <JWT>`, 'placeholder');
  fp(P, `const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });`, 'code that creates a JWT; secret from env');
  fp(P, `# JWT structure: base64url(header).base64url(payload).signature\n# e.g. eyJhbGciOi...`, 'truncated example in a comment');
  fp(P, `token = request.headers.get("Authorization", "").removeprefix("Bearer ")`, 'token taken from the request');
  fp(P, `const header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"; // base64url of {"alg":"HS256","typ":"JWT"}`, 'JWT header alone is not a token');
  fp(P, `assert decoded["sub"] == "1234567890"\nassert decoded["alg"] == "HS256"`, 'assertions on decoded claims');
}

// =====================================================================================
// Database connection strings and URL credentials
// =====================================================================================
{
  const P = 'database';
  const pw = () => r.mixed(A.B62 + '-_', 20);
  const user = () => r.pick(['app', 'app_rw', 'billing', 'reporting', 'svc_orders', 'admin', 'etl']);
  const host = () => r.pick(['db.internal.acme.io', 'prod-pg.cluster-c9xk2.eu-west-1.rds.amazonaws.com', '10.20.4.17', 'mysql-primary.svc.cluster.local', 'pg-main.acme.net']);
  const DPG = 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS';
  const items = [
    [() => `DATABASE_URL=postgres://${user()}:${pw()}@${host()}:5432/orders`, DPG],
    [() => `DATABASE_URL="postgresql://${user()}:${pw()}@${host()}/billing?sslmode=require"`, DPG],
    [() => `SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://${user()}:${pw()}@${host()}:5432/analytics"`, 'https://docs.sqlalchemy.org/en/20/core/engines.html#database-urls'],
    [() => `spring:\n  datasource:\n    url: jdbc:postgresql://${host()}:5432/inventory\n    username: ${user()}\n    password: ${pw()}`, 'https://docs.spring.io/spring-boot/reference/data/sql.html'],
    [() => `const pool = mysql.createPool('mysql://${user()}:${pw()}@${host()}:3306/shop');`, 'https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html'],
    [() => `MONGODB_URI=mongodb+srv://${user()}:${pw()}@cluster0.${r.mixed(A.LOWNUM, 5)}.mongodb.net/app?retryWrites=true&w=majority`, 'https://www.mongodb.com/docs/manual/reference/connection-string/'],
    [() => `mongoose.connect("mongodb://${user()}:${pw()}@mongo-0.mongo:27017,mongo-1.mongo:27017/catalog?replicaSet=rs0");`, 'https://www.mongodb.com/docs/manual/reference/connection-string/'],
    [() => `REDIS_URL=redis://:${pw()}@${host()}:6379/0`, 'https://www.iana.org/assignments/uri-schemes/prov/redis'],
    [() => `CACHE_URL=rediss://default:${pw()}@redis-12345.c1.us-east-1-2.ec2.cloud.redislabs.com:12345`, 'https://redis.io/docs/latest/develop/clients/'],
    [() => `CELERY_BROKER_URL = "amqp://${user()}:${pw()}@rabbitmq.internal:5672/prod"`, 'https://www.rabbitmq.com/docs/uri-spec'],
    [() => `"ConnectionStrings": {\n  "Default": "Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=Orders;User ID=${user()};Password=${pw()};Encrypt=True;"\n}`, 'https://learn.microsoft.com/en-us/dotnet/api/system.data.sqlclient.sqlconnection.connectionstring'],
    [() => `<add name="Legacy" connectionString="Data Source=SQL01;Initial Catalog=Payroll;User Id=${user()};Password=${pw()};" providerName="System.Data.SqlClient" />`, 'https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-strings'],
    [() => `jdbc.url=jdbc:mysql://${host()}:3306/crm?user=${user()}&password=${pw()}&useSSL=true`, 'https://dev.mysql.com/doc/connector-j/en/connector-j-reference-jdbc-url-format.html'],
    [() => `conn = psycopg2.connect(host="${host()}", dbname="events", user="${user()}", password="${pw()}")`, 'https://www.psycopg.org/docs/module.html#psycopg2.connect'],
    [() => `db, err := sql.Open("postgres", "host=${host()} port=5432 user=${user()} password=${pw()} dbname=ledger sslmode=verify-full")`, DPG],
    [() => `${host()}:5432:*:${user()}:${pw()}`, 'pgpass file format https://www.postgresql.org/docs/current/libpq-pgpass.html'],
    [() => `[client]\nuser=${user()}\npassword=${pw()}\nhost=${host()}`, 'MySQL option file https://dev.mysql.com/doc/refman/8.0/en/option-files.html'],
    [() => `environment:\n  POSTGRES_USER: ${user()}\n  POSTGRES_PASSWORD: ${pw()}\n  POSTGRES_DB: app`, 'https://hub.docker.com/_/postgres'],
    [() => `CLICKHOUSE_URL=clickhouse://${user()}:${pw()}@ch.internal:9000/metrics`, 'https://clickhouse.com/docs/en/interfaces/cli'],
    [() => `url = "neo4j+s://${user()}:${pw()}@${r.hex(8)}.databases.neo4j.io"`, 'https://neo4j.com/docs/operations-manual/current/configuration/connectors/'],
    [() => `SMTP_URL=smtp://mailer:${pw()}@smtp.mailprovider.net:587`, 'URL userinfo credentials (RFC 3986 section 3.2.1)'],
    [() => `pip install --index-url https://ci:${pw()}@pypi.internal.acme.io/simple/ acme-core`, 'credentials in an index URL (RFC 3986 section 3.2.1)'],
    [() => `git remote set-url origin https://deploy:${pw()}@git.internal.acme.io/platform/infra.git`, 'credentials in a git remote URL (RFC 3986 section 3.2.1)'],
    [() => `ftp://backup:${pw()}@files.acme.io/nightly/`, 'FTP URL with password (RFC 1738)'],
    [() => `ELASTICSEARCH_URL=https://elastic:${pw()}@es.internal.acme.io:9200`, 'https://www.elastic.co/guide/en/elasticsearch/client/javascript-api/current/client-connecting.html'],
  ];
  items.forEach(([mk, doc]) => tp(P, mk(), `connection string / URL with an embedded password (${doc})`));
  formatList(P, 'PostgreSQL URI / keyword DSN / pgpass', 'MySQL URI / JDBC / option file', 'MongoDB URI (mongodb, mongodb+srv)', 'Redis URI', 'AMQP URI', 'SQL Server / ADO.NET connection string', 'other URLs with userinfo password (SMTP, FTP, git, pip index, Elasticsearch, ClickHouse, Neo4j)');
  const FPS = [
    [`DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev`, 'local development default credentials on localhost'],
    [`DATABASE_URL=postgres://\${DB_USER}:\${DB_PASSWORD}@\${DB_HOST}:5432/\${DB_NAME}`, 'fully templated URL'],
    [`DATABASE_URL="postgresql://USER:PASSWORD@HOST:PORT/DATABASE"`, 'documentation placeholders'],
    [`MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/`, 'angle-bracket placeholders'],
    [`REDIS_URL=redis://localhost:6379/0`, 'no credentials'],
    [`spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/app\n    username: \${DB_USER}\n    password: \${DB_PASSWORD}`, 'Spring placeholders'],
    [`"ConnectionStrings": {\n  "Default": "Server=(localdb)\\\\mssqllocaldb;Database=App;Trusted_Connection=True;"\n}`, 'integrated security, no password'],
    [`conn = psycopg2.connect(dsn=os.environ["DATABASE_URL"])`, 'DSN from environment'],
    [`mysql -h "$DB_HOST" -u "$DB_USER" -p"$DB_PASSWORD" app < schema.sql`, 'shell variables'],
    [`environment:\n  POSTGRES_PASSWORD_FILE: /run/secrets/pg_password`, 'password read from a mounted file'],
    [`url = "https://user@example.com/path"`, 'userinfo without password'],
    [`DB_PASSWORD=\ndatabase_url: "postgres://app:@db:5432/app"`, 'empty passwords'],
    [`// e.g. postgres://user:pass@host:5432/db\nconst url = buildUrl(config);`, 'generic example in a comment'],
    [`jdbc:h2:mem:testdb;DB_CLOSE_DELAY=-1;MODE=PostgreSQL`, 'in-memory database URL'],
    [`sqlite:///./app.db`, 'SQLite file URL'],
    [`amqp://guest:guest@localhost:5672/`, 'RabbitMQ documented default guest credentials on localhost'],
  ];
  FPS.forEach(([t, n]) => fp(P, t, n));
}

// =====================================================================================
// Generic password / secret / api_key assignments
// =====================================================================================
{
  const P = 'generic';
  const strong = () => {
    const s = r.mixed(A.B62 + '!@#^*-_+=', r.range(16, 28));
    return s.replace(/[\\'"`$]/g, 'q');
  };
  const DOC = 'CWE-798 https://cwe.mitre.org/data/definitions/798.html';
  const T = [
    (v) => `DB_PASSWORD=${v}`,
    (v) => `password: "${v}"`,
    (v) => `  admin_password: ${v}`,
    (v) => `PASSWORD = "${v}"`,
    (v) => `const password = "${v}";`,
    (v) => `String password = "${v}";`,
    (v) => `$password = '${v}';`,
    (v) => `"password": "${v}",`,
    (v) => `<password>${v}</password>`,
    (v) => `spring.datasource.password=${v}`,
    (v) => `mail.smtp.password = ${v}`,
    (v) => `ENV ADMIN_PASSWORD=${v}`,
    (v) => `redis-cli -h cache.internal -a '${v}' PING`,
    (v) => `sshpass -p '${v}' ssh deploy@10.0.4.12`,
    (v) => `machine ftp.acme.io login backup password ${v}`,
    (v) => `ldap_bind_password = "${v}"`,
    (v) => `keystore.password=${v}\nkey.alias=release`,
    (v) => `storePassword=${v}\nkeyPassword=${v.split('').reverse().join('')}\nkeyAlias=upload`,
    (v) => `wifi:\n  ssid: acme-office\n  psk: "${v}"`,
    (v) => `ansible_become_password: ${v}`,
  ];
  T.forEach((t) => tp(P, t(strong()), `hard-coded password with a random value (${DOC})`));
  formatList(P, 'password assignments', 'secret / api_key / token / client_secret assignments', 'HTTP Basic credentials', 'Django SECRET_KEY', 'git credential store');
  const S = [
    (v) => `API_KEY=${v}`,
    (v) => `api_key: ${v}`,
    (v) => `apiKey: "${v}",`,
    (v) => `SECRET_KEY = '${v}'`,
    (v) => `app.secret_key = "${v}"`,
    (v) => `JWT_SECRET=${v}`,
    (v) => `SESSION_SECRET="${v}"`,
    (v) => `client_secret: ${v}`,
    (v) => `"clientSecret": "${v}"`,
    (v) => `ENCRYPTION_KEY=${v}`,
    (v) => `auth_token = "${v}"`,
    (v) => `x-api-key: ${v}`,
    (v) => `curl -H "X-API-Key: ${v}" https://partner.example-vendor.com/v1/feeds`,
    (v) => `Authorization: Bearer ${v}`,
    (v) => `access_token=${v}`,
    (v) => `WEBHOOK_SECRET=${v}`,
    (v) => `config.secret_key_base = "${v}"`,
    (v) => `secret:\n  hmac_key: "${v}"`,
    (v) => `private const string ApiSecret = "${v}";`,
    (v) => `let apiToken = "${v}"`,
  ];
  const val = () => r.pick([() => r.hex(r.pick([32, 40, 48, 64])), () => r.b62(r.range(24, 48)), () => r.b64bytes(r.pick([24, 32, 48]))])();
  S.forEach((t) => tp(P, t(val()), `hard-coded high-entropy secret under a secret-like name (${DOC})`));
  tp(P, `Authorization: Basic ${Buffer.from(`svc-reporting:${strong()}`).toString('base64')}`, 'HTTP Basic credentials, base64(user:password) (RFC 7617)');
  tp(P, `curl -u admin:${strong()} https://jenkins.internal.acme.io/api/json`, 'user:password on curl -u (RFC 7617)');
  tp(P, `django_secret_key = 'django-insecure-${r.mixed(A.LOWNUM + '!@#$^&*(-_=+)', 50).replace(/[\\'"`$]/g, 'q')}'`, 'Django SECRET_KEY (https://docs.djangoproject.com/en/5.0/ref/settings/#secret-key)');
  tp(P, `[credential]\n\thelper = store\n# ~/.git-credentials\nhttps://ci-bot:${r.b62(32)}@git.acme.io`, 'git credential store line (https://git-scm.com/docs/git-credential-store)');
  tp(P, `HTTPS_PROXY=http://svc-proxy:${r.b62(22)}@proxy.internal.acme.io:3128`, 'proxy URL with user:password (RFC 3986 section 3.2.1)');

  const FPS = [
    [`password: "Enter your password"`, 'i18n UI string'],
    [`"login.password.placeholder": "Password",\n"login.password.forgot": "Forgot your password?"`, 'i18n keys and labels'],
    [`password_label = _("Password")`, 'gettext label'],
    [`<input type="password" name="password" placeholder="Password" autocomplete="current-password">`, 'HTML form field'],
    [`password = get_password()`, 'function call'],
    [`password = getpass.getpass("Vault password: ")`, 'interactive prompt'],
    [`const password = await secretsManager.getSecretValue({ SecretId: "prod/db" });`, 'secret manager call'],
    [`DB_PASSWORD=\${DB_PASSWORD}`, 'variable reference'],
    [`password: \${{ secrets.DB_PASSWORD }}`, 'Actions secret reference'],
    [`password = os.environ["DB_PASSWORD"]`, 'environment lookup'],
    [`String password = System.getenv("DB_PASSWORD");`, 'environment lookup (Java)'],
    [`password := os.Getenv("DB_PASSWORD")`, 'environment lookup (Go)'],
    [`var password = Configuration["Database:Password"];`, 'configuration lookup (.NET)'],
    [`password: {{ .Values.db.password | quote }}`, 'Helm template'],
    [`password: "{{ vault_db_password }}"`, 'Ansible variable'],
    [`password = var.db_password`, 'Terraform variable'],
    [`password: ""`, 'empty value'],
    [`password = None`, 'None'],
    [`"password": "********"`, 'masked value'],
    [`password: <your-password>`, 'placeholder'],
    [`API_KEY=your-api-key-here`, 'placeholder'],
    [`api_key: "YOUR_API_KEY"`, 'placeholder'],
    [`SECRET_KEY=changeme`, 'default placeholder word'],
    [`secret: REDACTED`, 'redacted value'],
    [`"client_secret": "[FILTERED]"`, 'filtered log value'],
    [`PASSWORD_MIN_LENGTH = 12\nPASSWORD_REQUIRE_SYMBOL = True`, 'password policy constants'],
    [`if password != confirm_password:\n    raise ValidationError("Passwords do not match")`, 'comparison'],
    [`password_reset_url = "/account/password/reset"`, 'URL path'],
    [`PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]`, 'hasher setting'],
    [`user.password = make_password(form.cleaned_data["password"])`, 'hashing call'],
    [`password_hash = "$argon2id$v=19$m=65536,t=3,p=4$${r.b64bytes(16).replace(/=+$/, '')}$${r.b64bytes(32).replace(/=+$/, '')}"`, 'argon2 password hash (hash, not a secret)'],
    [`admin:$2y$10$${r.mixed(A.B62 + './', 53)}`, 'bcrypt hash in htpasswd'],
    [`api_key_header_name = "X-API-Key"`, 'header name'],
    [`token_type = "Bearer"\nexpires_in = 3600`, 'token metadata'],
    [`secret_name = "prod/payments/stripe"`, 'secret name/path'],
    [`- name: API_TOKEN\n  valueFrom:\n    secretKeyRef:\n      name: api-credentials\n      key: token`, 'Kubernetes secretKeyRef'],
    [`password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ${r.hex(64)}\n  ${r.hex(64)}\n  ${r.hex(32)}`, 'Ansible Vault encrypted value'],
    [`secret_key: ENC[AES256_GCM,data:${r.b64bytes(24)},iv:${r.b64bytes(32)},tag:${r.b64bytes(16)},type:str]`, 'SOPS-encrypted value'],
    [`db_password: "{{resolve:secretsmanager:prod/db:SecretString:password}}"`, 'CloudFormation dynamic reference'],
    [`token = request.headers["Authorization"]`, 'request header lookup'],
    [`@param password the user's password, never logged`, 'doc comment'],
    [`assertThat(validator.isValid("short")).isFalse(); // password too short`, 'test for a weak value'],
    [`POSTGRES_PASSWORD: example  # docker hub sample compose`, 'sample value "example"'],
    [`password = "password"`, 'literal word password'],
    [`apiKey: process.env.API_KEY ?? ""`, 'env with default'],
    [`let secret = try keychain.get("api-secret")`, 'keychain lookup'],
    [`TOKEN_LENGTH = 32\nSECRET_BYTES = 64`, 'length constants'],
    [`"auth": { "type": "bearer", "bearer": [{ "key": "token", "value": "{{accessToken}}" }] }`, 'Postman collection variable'],
  ];
  FPS.forEach(([t, n]) => fp(P, t, n));
}

// =====================================================================================
// Noise: high-entropy or secret-adjacent text that is not a secret
// =====================================================================================
{
  const P = 'noise';
  const sha1 = () => r.str(A.HEX, 40), sha256 = () => r.str(A.HEX, 64), md5 = () => r.str(A.HEX, 32);
  const sri = (n) => r.b64bytes(n);
  const png = () => 'iVBORw0KGgoAAAANSUhEUgAAA' + r.mixed(A.B64, 300) + '==';
  const N = [
    // UUIDs
    [`{"requestId": "${r.uuid()}", "status": 404, "message": "order not found"}`, 'request id UUID in a log line'],
    [`resource "aws_s3_bucket" "logs" {\n  # imported id\n  id = "${r.uuid()}"\n}`, 'resource id UUID'],
    [`Project("{${r.uuid().toUpperCase()}}") = "Acme.Api", "src\\Acme.Api\\Acme.Api.csproj", "{${r.uuid().toUpperCase()}}"`, 'Visual Studio solution GUIDs'],
    [`<ProjectGuid>{${r.uuid().toUpperCase()}}</ProjectGuid>`, 'MSBuild project GUID'],
    [`fileFormatVersion: 2\nguid: ${md5()}\nMonoImporter:\n  serializedVersion: 2`, 'Unity .meta asset guid'],
    [`CREATE TABLE sessions (id uuid PRIMARY KEY DEFAULT '${r.uuid()}'::uuid);`, 'UUID literal in SQL'],
    [`expect(response.body.id).toBe("${r.uuid()}");`, 'UUID in a test assertion'],
    [`tenant_id: ${r.uuid()}\nsubscription_id: ${r.uuid()}`, 'Azure tenant and subscription identifiers'],
    // git SHAs
    [`commit ${sha1()}\nAuthor: Dana Lee <dana@acme.io>\nDate:   Tue Apr 2 10:12:44 2024 +0200\n\n    fix: retry on 429`, 'git log output'],
    [`git checkout ${sha1()} -- src/server.ts`, 'git checkout of a commit'],
    [`github.com/acme/kit v0.0.0-20240311091244-${r.str(A.HEX, 12)}`, 'Go pseudo-version with commit hash'],
    [`"gitHead": "${sha1()}",\n"_resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"`, 'package.json gitHead'],
    [`ARG GIT_COMMIT=${sha1()}\nLABEL org.opencontainers.image.revision=$GIT_COMMIT`, 'commit SHA as build arg'],
    [`* fix flaky retry test ([${r.str(A.HEX, 7)}](https://github.com/acme/api/commit/${sha1()}))`, 'changelog commit link'],
    [`[submodule "vendor/protos"]\n\tpath = vendor/protos\n\turl = https://github.com/acme/protos.git\n# pinned at ${sha1()}`, 'submodule pin'],
    [`Merge: ${r.str(A.HEX, 7)} ${r.str(A.HEX, 7)}\nrevert ${sha1()}`, 'merge/revert SHAs'],
    // hashes and checksums
    [`FROM node:20.12.2-alpine@sha256:${sha256()}`, 'Docker image digest'],
    [`image: ghcr.io/acme/api@sha256:${sha256()}`, 'image digest in compose/k8s'],
    [`${sha256()}  acme-cli_2.4.1_linux_amd64.tar.gz\n${sha256()}  acme-cli_2.4.1_darwin_arm64.tar.gz`, 'SHA256SUMS file'],
    [`url "https://github.com/acme/cli/releases/download/v2.4.1/acme-cli.tar.gz"\nsha256 "${sha256()}"`, 'Homebrew formula checksum'],
    [`provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.46.0"\n  hashes = [\n    "h1:${r.b64bytes(32)}",\n    "zh:${sha256()}",\n  ]\n}`, 'Terraform lock file hashes'],
    [`github.com/stretchr/testify v1.9.0 h1:${r.b64bytes(32)}\ngithub.com/stretchr/testify v1.9.0/go.mod h1:${r.b64bytes(32)}`, 'go.sum entries'],
    [`requests==2.31.0 \\\n    --hash=sha256:${sha256()} \\\n    --hash=sha256:${sha256()}`, 'pip hash-checking requirements'],
    [`[[package]]\nname = "serde"\nversion = "1.0.197"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${sha256()}"`, 'Cargo.lock checksum'],
    [`[[package]]\nname = "urllib3"\nversion = "2.2.1"\nfiles = [\n    {file = "urllib3-2.2.1-py3-none-any.whl", hash = "sha256:${sha256()}"},\n]`, 'poetry.lock file hash'],
    [`src = fetchurl {\n  url = "https://example-mirror.org/zlib-1.3.1.tar.gz";\n  hash = "sha256-${r.b64bytes(32)}";\n};`, 'Nix SRI hash'],
    [`http_archive(\n    name = "rules_go",\n    sha256 = "${sha256()}",\n    urls = ["https://mirror.bazel.build/rules_go-v0.46.0.zip"],\n)`, 'Bazel archive checksum'],
    [`md5sum: ${md5()}\nsize: 1048576`, 'MD5 checksum'],
    [`const expectedDigest = "${sha256()}"; // sha256 of fixtures/input.bin`, 'expected digest in a test'],
    [`etag: W/"${r.str(A.HEX, 40)}"`, 'HTTP ETag'],
    [`"sha": "${sha1()}",\n"node_id": "C_kwDO${r.mixed(A.B62, 20)}"`, 'GitHub API commit payload'],
    // lockfile integrity
    [`"node_modules/lodash": {\n  "version": "4.17.21",\n  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",\n  "integrity": "sha512-${sri(64)}"\n}`, 'package-lock integrity'],
    [`"@babel/core@^7.24.0":\n  version "7.24.4"\n  resolved "https://registry.yarnpkg.com/@babel/core/-/core-7.24.4.tgz#${sha1()}"\n  integrity sha512-${sri(64)}`, 'yarn.lock entry'],
    [`/typescript@5.4.5:\n    resolution: {integrity: sha512-${sri(64)}}\n    engines: {node: '>=14.17'}`, 'pnpm-lock entry'],
    [`<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="sha384-${sri(48)}" crossorigin="anonymous"></script>`, 'HTML subresource integrity'],
    [`"integrity": "sha1-${sri(20)}"`, 'legacy sha1 integrity'],
    [`checksum: ${r.str(A.HEX, 128)}\n  languageName: node\n  linkType: hard`, 'Yarn berry checksum'],
    // base64 images and fonts
    [`<img alt="logo" src="data:image/png;base64,${png()}">`, 'inline PNG data URI'],
    [`.icon-check { background-image: url("data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxNiAxNiI+${r.mixed(A.B64, 120)}"); }`, 'CSS SVG data URI'],
    [`@font-face {\n  font-family: "Inter";\n  src: url(data:font/woff2;base64,d09GMgABAAAAA${r.mixed(A.B64, 400)}) format("woff2");\n}`, 'embedded WOFF2 font'],
    [`{\n "output_type": "display_data",\n "data": {\n  "image/png": "${png()}"\n }\n}`, 'Jupyter notebook image output'],
    [`const favicon = "data:image/x-icon;base64,AAABAAEAEBAAAAEAIABoBAAAFgAAACgAAAAQAAAAIAAAAAEAIAAAAAAAAAQ${r.mixed(A.B64, 200)}";`, 'favicon data URI'],
    [`placeholder: "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA${r.mixed(A.B64, 160)}"`, 'blur placeholder JPEG'],
    // build artefacts and minified code
    [`<script defer src="/static/js/main.${r.str(A.HEX, 8)}.js"></script>\n<link href="/static/css/main.${r.str(A.HEX, 8)}.css" rel="stylesheet">`, 'hashed asset names'],
    [`{"version":3,"file":"app.min.js","mappings":"AAAA,SAASA,EAAQC,GACf,${r.mixed(A.B64, 200)}","sourceRoot":""}`, 'source map mappings'],
    [`.Button_primary__${r.mixed(A.B62, 5)} { color: #1f6feb; }\n.Card_root__${r.mixed(A.B62, 5)} { padding: 16px; }`, 'CSS module class names'],
    [`function a(e){return e.replace(/[A-Za-z0-9+/=]{20,}/g,"")}var t="${r.mixed(A.ALPHA, 30)}";`, 'minified code with a random-looking identifier'],
    [`__webpack_require__.h = () => ("${r.str(A.HEX, 20)}");`, 'webpack hash'],
    [`buildId: "${r.mixed(A.B64URL, 21)}"`, 'Next.js build id'],
    // public keys and fingerprints
    [`github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.mixed(A.B64, 43)}\ngitlab.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB${r.mixed(A.B64, 87)}=`, 'known_hosts public host keys'],
    [`The key fingerprint is:\nSHA256:${r.b64bytes(32).replace(/=+$/, '')} deploy@build-01`, 'SSH key fingerprint'],
    [`sha256 Fingerprint=${Array.from({ length: 32 }, () => r.str(A.HEXU, 2)).join(':')}`, 'certificate fingerprint'],
    [`deb [signed-by=/usr/share/keyrings/acme.gpg] https://apt.acme.io stable main\n# key fingerprint ${r.str(A.HEXU, 40)}`, 'GPG key fingerprint'],
    [`gpg --keyserver keyserver.ubuntu.com --recv-keys ${r.str(A.HEXU, 40)}`, 'GPG fingerprint on the command line'],
    [`pin-sha256="${r.b64bytes(32)}"; max-age=5184000`, 'HPKP pin (hash of a public key)'],
    // public-by-design client identifiers
    [`const stripe = Stripe('pk_live_${r.b62(99)}');`, 'Stripe publishable key is meant for the browser (https://docs.stripe.com/keys)'],
    [`mapboxgl.accessToken = 'pk.${b64url(Buffer.from(JSON.stringify({ u: 'acme-maps', a: r.mixed(A.LOWNUM, 25) })))}.${r.mixed(A.B64URL, 22)}';`, 'Mapbox public (pk.) token is intended for client use (https://docs.mapbox.com/accounts/guides/tokens/)'],
    [`<div class="g-recaptcha" data-sitekey="6Le${r.mixed(A.B64URL, 37)}"></div>`, 'reCAPTCHA site key is public'],
    [`gtag('config', 'G-${r.mixed(A.UPNUM, 10)}');`, 'Google Analytics measurement id'],
    [`"appId": "1:${r.str(A.DIGITS, 12)}:web:${r.str(A.HEX, 22)}",\n"messagingSenderId": "${r.str(A.DIGITS, 12)}"`, 'Firebase app identifiers'],
    [`NEXT_PUBLIC_POSTHOG_KEY=phc_${r.b62(43)}`, 'PostHog project API key is a public ingestion key'],
    // cloud resource identifiers
    [`instance_id = "i-${r.str(A.HEX, 17)}"\nsubnet_id   = "subnet-${r.str(A.HEX, 17)}"\nvpc_id      = "vpc-${r.str(A.HEX, 17)}"`, 'EC2/VPC resource ids'],
    [`/subscriptions/${r.uuid()}/resourceGroups/rg-prod/providers/Microsoft.Web/sites/acme-api`, 'Azure resource id'],
    [`arn:aws:lambda:eu-west-1:${r.str(A.DIGITS, 12)}:function:thumbnailer:${r.int(40)}`, 'Lambda ARN'],
    [`pod/api-${r.str(A.LOWNUM, 10)}-${r.str(A.LOWNUM, 5)}   1/1   Running   0   3d`, 'kubectl output'],
    [`"project_number": "${r.str(A.DIGITS, 12)}",\n"storage_bucket": "acme-prod.appspot.com"`, 'GCP project number'],
    [`traceparent: 00-${r.str(A.HEX, 32)}-${r.str(A.HEX, 16)}-01`, 'W3C trace context'],
    [`X-Request-Id: ${r.str(A.HEX, 32)}\nX-Amz-Cf-Id: ${r.mixed(A.B64URL, 56)}==`, 'request/trace ids in a response'],
    [`cf-ray: ${r.str(A.HEX, 16)}-FRA`, 'Cloudflare ray id'],
    // blockchain
    [`const USDC = "0x${r.str(A.HEX, 40)}";`, 'contract address'],
    [`tx: 0x${r.str(A.HEX, 64)} confirmed in block 19283746`, 'transaction hash'],
    [`bc1q${r.str(A.BECH32, 38)}`, 'bitcoin address (public)'],
    // prose and UI
    [`"settings.apiKey.regenerated": "Your API key has been regenerated. Copy it now; it will not be shown again."`, 'i18n string about API keys'],
    [`Set the \`STRIPE_SECRET_KEY\` environment variable before starting the server.`, 'documentation prose'],
    [`msgid "Invalid token"\nmsgstr "Jeton invalide"`, 'gettext catalogue'],
    [`"auth.errors.expired": "Your session token expired, please sign in again"`, 'i18n error string'],
    [`## Rotating secrets\nRun \`make rotate\` to generate new credentials; never commit the output.`, 'README prose'],
    // random generation code
    [`token = secrets.token_urlsafe(32)`, 'code that generates a token'],
    [`const key = crypto.randomBytes(32).toString("hex");`, 'code that generates a key'],
    [`api_key = SecureRandom.hex(32)`, 'Ruby random generation'],
    [`key := make([]byte, 32)\nif _, err := rand.Read(key); err != nil {\n\treturn err\n}`, 'Go random generation'],
    [`openssl rand -base64 32 > /run/secrets/session_key`, 'shell generation of a secret into a file'],
    // misc encodings
    [`apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  logo.png: ${png()}`, 'binary data in a ConfigMap'],
    [`"color": ["#1f6feb", "#8957e5", "#d29922", "#3fb950", "#f85149"]`, 'hex colours'],
    [`Content-MD5: ${r.b64bytes(16)}`, 'Content-MD5 header'],
    [`nonce-${r.b64bytes(16)}`, 'CSP nonce fragment'],
    [`"hash": "${r.mixed(A.B62, 40)}", "kind": "asset", "path": "public/hero.webp"`, 'asset hash in a manifest'],
    [`xcode:\n  objects:\n    ${r.str(A.HEXU, 24)} /* AppDelegate.swift */ = {isa = PBXFileReference; path = AppDelegate.swift;};`, 'Xcode object identifier'],
    [`uid: ${r.mixed(A.B62, 9)}\ntitle: API latency`, 'Grafana dashboard uid'],
    [`"_id": "${r.str(A.HEX, 24)}"`, 'MongoDB ObjectId'],
    [`ulid: 01${r.str('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 24)}`, 'ULID'],
    [`<meta name="csrf-token" content="{{ csrf_token() }}">`, 'CSRF template'],
    [`SRI=sha512-${sri(64)} npm pack output`, 'npm pack integrity'],
    [`Digest: sha256:${sha256()}\nStatus: Downloaded newer image for postgres:16`, 'docker pull output'],
    [`ssh-rsa-cert-v01@openssh.com host certificate serial ${r.str(A.DIGITS, 19)}`, 'certificate serial'],
    [`email: dana.lee@acme.io\nphone: +1-415-555-0142\nip: 203.0.113.42`, 'PII-ish but not a secret'],
    [`user_agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"`, 'user agent'],
    [`${Array.from({ length: 4 }, () => r.str(A.HEX, 8)).join(' ')}  |..${r.mixed(A.ALPHA, 12)}..|`, 'hexdump line'],
    [`"x5t": "${r.b64urlbytes(20)}",\n"n": "${r.b64urlbytes(256)}",\n"e": "AQAB"`, 'public RSA JWK fields'],
    [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.mixed(A.B64, 43)} dana@laptop`, 'SSH public key'],
    [`Ed25519 public key: ${r.b64bytes(32)}`, 'raw public key'],
  ];
  N.forEach(([t, n]) => fp(P, t, n));
}

// =====================================================================================
// output
// =====================================================================================
function serialise() {
  const byProvider = new Map();
  for (const c of cases) {
    if (!byProvider.has(c.provider)) byProvider.set(c.provider, []);
    byProvider.get(c.provider).push(c);
  }
  const files = new Map();
  for (const [p, list] of [...byProvider].sort(([a], [b]) => a.localeCompare(b))) {
    files.set(`${p}.jsonl`, list.map((c) => JSON.stringify({ provider: c.provider, kind: c.kind, text: c.text, note: c.note })).join('\n') + '\n');
  }
  return files;
}

const files = serialise();
const tpCount = cases.filter((c) => c.kind === 'tp').length;
const fpCount = cases.length - tpCount;
if (process.argv.includes('--list')) {
  FORMATS.forEach((f, i) => console.log(`${String(i + 1).padStart(3)}. ${f}`));
  process.exit(0);
}
if (process.argv.includes('--check')) {
  let bad = 0;
  const present = fs.existsSync(OUT) ? fs.readdirSync(OUT).filter((f) => f.endsWith('.jsonl')) : [];
  for (const f of new Set([...present, ...files.keys()])) {
    const want = files.get(f);
    const have = fs.existsSync(path.join(OUT, f)) ? fs.readFileSync(path.join(OUT, f), 'utf8') : undefined;
    if (want !== have) { console.error(`out of date: cases/${f}`); bad++; }
  }
  if (bad) { console.error('run: node test/secrets-eval/generate.mjs'); process.exit(1); }
  console.log(`cases/ up to date: ${tpCount} tp, ${fpCount} fp in ${files.size} files`);
} else {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (f.endsWith('.jsonl') && !files.has(f)) fs.unlinkSync(path.join(OUT, f));
  for (const [f, body] of files) fs.writeFileSync(path.join(OUT, f), body);
  console.log(`wrote ${files.size} files: ${tpCount} tp, ${fpCount} fp`);
}
