import type { Problem } from '../core/result.js';
import { createSecretsAnalyzer, type SecretsOptions } from './secrets/analyzer.js';
import type { FileAnalyzer } from './types.js';

/** Scanner names of the command-line contract (architecture §9). */
export const SCANNER_NAMES = ['secrets', 'sast', 'iac', 'dependencies', 'licenses', 'container'] as const;
export type ScannerName = (typeof SCANNER_NAMES)[number];

/** The scanners this build implements; the others are refused with a clear message. */
export const AVAILABLE_SCANNERS: readonly ScannerName[] = ['secrets'];

/** Everything analyzers need, as plain data so it can be sent to worker threads. */
export interface AnalyzerSettings {
  readonly scanners: readonly ScannerName[];
  readonly secrets: SecretsOptions;
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
