import type { Problem } from '../core/result.js';
import { createDependencyAnalyzer, type DependencyOptions } from './dependency/analyzer.js';
import { createIacAnalyzer } from './iac/analyzer.js';
import { createLicenseAnalyzer, type LicenseOptions } from './license/analyzer.js';
import { createSastAnalyzer, type SastOptions } from './sast/analyzer.js';
import { createSecretsAnalyzer, type SecretsOptions } from './secrets/analyzer.js';
import type { FileAnalyzer, TreeAnalyzer } from './types.js';

/** Scanner names of the command-line contract (architecture §9). */
export const SCANNER_NAMES = ['secrets', 'sast', 'iac', 'dependencies', 'licenses', 'container'] as const;
export type ScannerName = (typeof SCANNER_NAMES)[number];

/** The scanners this build implements; the others are refused with a clear message. */
export const AVAILABLE_SCANNERS: readonly ScannerName[] = ['secrets', 'sast', 'iac', 'dependencies', 'licenses'];

/** Everything analyzers need, as plain data so it can be sent to worker threads. */
export interface AnalyzerSettings {
  readonly scanners: readonly ScannerName[];
  /** The scanners were named with --scanners: each writes its report even when nothing applied. */
  readonly scannersExplicit?: boolean;
  readonly secrets: SecretsOptions;
  readonly dependencies?: Omit<DependencyOptions, 'match'>;
  readonly licenses?: LicenseOptions;
  readonly sast?: Omit<SastOptions, 'disabledRules'>;
}

/** The explicit analyzer list: adding an analyzer is one entry here. */
export function createFileAnalyzers(settings: AnalyzerSettings): { analyzers: FileAnalyzer[]; problems: Problem[] } {
  const analyzers: FileAnalyzer[] = [];
  const problems: Problem[] = [];
  if (settings.scanners.includes('secrets')) {
    const secrets = createSecretsAnalyzer(settings.secrets);
    analyzers.push(secrets.analyzer);
    problems.push(...secrets.problems);
  }
  return { analyzers, problems };
}

/**
 * The whole-tree analyzers, in the order they run: the dependency analyzer builds the inventory
 * (and matches it when `dependencies` is on), the license analyzer adds licenses to it.
 */
export function createTreeAnalyzers(settings: AnalyzerSettings): TreeAnalyzer[] {
  const wantsDependencies = settings.scanners.includes('dependencies');
  const wantsLicenses = settings.scanners.includes('licenses');
  const analyzers: TreeAnalyzer[] = [];
  if (wantsDependencies || wantsLicenses) {
    analyzers.push(
      createDependencyAnalyzer({
        match: wantsDependencies,
        dbDir: settings.dependencies?.dbDir ?? '',
        staleAfterDays: settings.dependencies?.staleAfterDays ?? 7,
      }),
    );
  }
  if (wantsLicenses) analyzers.push(createLicenseAnalyzer(settings.licenses ?? { deny: [], severity: 'high' }));
  if (settings.scanners.includes('iac')) analyzers.push(createIacAnalyzer({ disabledRules: settings.secrets.disabledRules ?? [] }));
  if (settings.scanners.includes('sast')) analyzers.push(createSastAnalyzer({ ...settings.sast, disabledRules: settings.secrets.disabledRules ?? [] }));
  return analyzers;
}
