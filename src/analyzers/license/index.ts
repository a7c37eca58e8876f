/** License analysis: SPDX normalisation, deny lists, license-text identification, package metadata. */
export { normalizeLicense, normalizeLicenseList, seeLicenseInFile, type NormalizedLicense } from './spdx.js';
export { deniedLicenses, validateDenyList } from './deny.js';
export { identifyLicenseText, type LicenseMatch } from './identify.js';
export { licenseCorpusError } from './license-corpus.js';
export { isLicenseFileName } from './license-file-name.js';
export { METADATA_READERS, type MetadataReader, type PackageMetadata } from './metadata/index.js';
