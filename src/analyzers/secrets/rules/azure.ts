import { defineSecretRule, type SecretRule } from '../rule.js';

const STORAGE_DOCS = 'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage';
const SAS_DOCS = 'https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview';
const COSMOS_DOCS = 'https://learn.microsoft.com/en-us/azure/cosmos-db/database-security';
const ENTRA_DOCS = 'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials';
const SERVICE_BUS_DOCS = 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas';

const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;
// 64 random bytes, base64: 86 characters and `==`.
const KEY_512 = String.raw`(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])`;
// Keys published by Microsoft for local emulators: Azurite (devstoreaccount1) and the Cosmos DB emulator.
const EMULATOR_KEYS = [
  /^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/,
  /^C2y6yDjf5\/R\+ob0N8A7Cgv30VRDJIWEHLM\+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw\/Jw==$/,
];

export const azureRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    description:
      'An Azure Storage account key gives full control of every blob, queue, table and file share in the account. Rotate both account keys in the portal, and move to Entra ID auth, managed identities or a Key Vault reference.',
    keywords: ['accountkey', 'account-key', 'account_key', 'storage'],
    pattern: new RegExp(
      // Cosmos DB connection strings use AccountKey= too: azure-cosmosdb-key reports those.
      String.raw`(?<!documents\.azure\.com[:\d]{0,6}\/?;\s?)(?:AccountKey=|--account-key[\s=]{1,4}["']?|(?<![A-Za-z0-9])(?:azure[\w.-]{0,20})?(?:storage|account)[\w.-]{0,20}key[\w.-]{0,10}` +
        SEP +
        ')' +
        KEY_512,
      'i',
    ),
    maxLength: 180,
    minEntropy: 4.8,
    allowValues: EMULATOR_KEYS,
    references: [STORAGE_DOCS],
  }),
  defineSecretRule({
    id: 'azure-cosmosdb-key',
    title: 'Azure Cosmos DB account key',
    description:
      'An Azure Cosmos DB primary or secondary key reads and writes all data in the account. Regenerate the key in the portal and use Entra ID role-based access or Key Vault instead of embedding it.',
    keywords: ['documents.azure.com', 'cosmos'],
    pattern: new RegExp(
      String.raw`(?:AccountEndpoint=https:\/\/[\w.-]{1,100}\.documents\.azure\.com(?::\d{1,5})?\/?;\s?AccountKey=|(?<![A-Za-z0-9])cosmos[\w.-]{0,30}key[\w.-]{0,10}` +
        SEP +
        ')' +
        KEY_512,
      'i',
    ),
    maxLength: 300,
    minEntropy: 4.8,
    allowValues: EMULATOR_KEYS,
    references: [COSMOS_DOCS],
  }),
  defineSecretRule({
    id: 'azure-entra-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    description:
      'A Microsoft Entra ID application client secret lets anyone sign in as that app registration and use its API permissions. Delete the secret under Certificates & secrets, add a new one, and prefer certificates or managed identities.',
    keywords: ['q~'],
    pattern: /(?<![\w~.-])(?<secret>[\w~.-]{3}\dQ~[\w~.-]{31,34})(?![\w~.-])/,
    maxLength: 40,
    minEntropy: 4,
    references: [ENTRA_DOCS],
  }),
  defineSecretRule({
    id: 'azure-sas-token',
    title: 'Azure shared access signature (SAS) token',
    description:
      'An Azure SAS token grants the permissions in its query string (read, write, delete, list) on storage resources until it expires. Revoke it by rotating the signing account key or its stored access policy, and issue short-lived user-delegation SAS instead.',
    keywords: ['sig='],
    pattern:
      /(?<![\w-])sv=\d{4}-\d{2}-\d{2}(?:&[\w%:.+-]{1,12}=[\w%:.,+-]{0,80}){0,14}?&sig=(?<secret>(?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:%3[Dd]|=))(?![\w%])/,
    maxLength: 1500,
    minEntropy: 4,
    references: [SAS_DOCS],
  }),
  defineSecretRule({
    id: 'azure-shared-access-key',
    title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    description:
      'A SharedAccessKey in an Azure Service Bus, Event Hubs, Relay or IoT Hub connection string signs tokens with the rights of its policy (often RootManageSharedAccessKey). Regenerate the policy key and use Entra ID or managed identities.',
    keywords: ['sharedaccesskey='],
    pattern: /SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)(?![A-Za-z0-9+/=])/,
    maxLength: 70,
    minEntropy: 4,
    references: [SERVICE_BUS_DOCS],
  }),
];
