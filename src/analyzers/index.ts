import type { Problem } from '../core/result.js';
import type { DependencyOptions } from './dependency/analyzer.js';
import type { LicenseOptions } from './license/analyzer.js';
import type { SastOptions } from './sast/analyzer.js';
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
export async function createTreeAnalyzers(settings: AnalyzerSettings): Promise<TreeAnalyzer[]> {
  const wantsDependencies = settings.scanners.includes('dependencies');
  const wantsLicenses = settings.scanners.includes('licenses');
  const analyzers: TreeAnalyzer[] = [];
  if (wantsDependencies || wantsLicenses) {
    const { createDependencyAnalyzer } = await import('./dependency/analyzer.js');
    analyzers.push(
      createDependencyAnalyzer({
        match: wantsDependencies,
        dbDir: settings.dependencies?.dbDir ?? '',
        staleAfterDays: settings.dependencies?.staleAfterDays ?? 7,
      }),
    );
  }
  if (wantsLicenses) analyzers.push((await import('./license/analyzer.js')).createLicenseAnalyzer(settings.licenses ?? { deny: [], severity: 'high' }));
  if (settings.scanners.includes('iac')) analyzers.push((await import('./iac/analyzer.js')).createIacAnalyzer({ disabledRules: settings.secrets.disabledRules ?? [] }));
  if (settings.scanners.includes('sast')) analyzers.push((await import('./sast/analyzer.js')).createSastAnalyzer({ ...settings.sast, disabledRules: settings.secrets.disabledRules ?? [] }));
  return analyzers;
}
