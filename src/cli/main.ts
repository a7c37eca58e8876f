import { Command, CommanderError, Option } from 'commander';
import { EXIT_USAGE, UsageError } from './errors.js';
import type { ScanFlags } from './commands/scan.js';
import { VERSION } from './version.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * The commands defined in their own modules, in help order. Each is imported only when the run
 * needs it: `scan` then parses none of the server, database, DAST or upload code (with their
 * dependencies, over half of the CLI), which was most of a small scan's start-up time.
 */
const LAZY_COMMANDS = ['db', 'compare', 'dast', 'upload', 'serve', 'admin'] as const;
type LazyCommand = (typeof LAZY_COMMANDS)[number];

async function registerLazyCommand(name: LazyCommand, program: Command, setExitCode: (code: number) => void, signal: AbortSignal): Promise<void> {
  switch (name) {
    case 'db':
      return (await import('./commands/db.js')).registerDbCommand(program, setExitCode, signal);
    case 'compare':
      return (await import('./commands/compare.js')).registerCompareCommand(program, setExitCode, signal);
    case 'dast':
      return (await import('./commands/dast.js')).registerDastCommand(program, setExitCode, signal);
    case 'upload':
      return (await import('./commands/upload.js')).registerUploadCommand(program, setExitCode, signal);
    case 'serve':
      return (await import('./commands/serve.js')).registerServeCommand(program, setExitCode);
    case 'admin':
      return (await import('./commands/admin.js')).registerAdminCommand(program, setExitCode);
  }
}

/**
 * The lazy commands this command line can reach: the one it names, none for `scan` and `rules`,
 * and all of them otherwise (help, version, an unknown command or a leading option), so that
 * help text and "unknown command" suggestions are exactly those of the whole program.
 */
function commandsNeeded(argv: readonly string[]): readonly LazyCommand[] {
  const first = argv[0];
  if (first === 'scan' || first === 'rules') return [];
  const named = LAZY_COMMANDS.find((name) => name === first);
  return named ? [named] : LAZY_COMMANDS;
}

async function buildProgram(argv: readonly string[], setExitCode: (code: number) => void, signal: AbortSignal): Promise<Command> {
  const program = new Command('bulwark')
    .description('Bulwark: one command scans a code base with every kind of analyzer.')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run "bulwark --help" for usage)');

  program
    .command('scan')
    .description('scan a folder (or one file) and write reports')
    .argument('[path]', 'what to scan', '.')
    .option('--out <dir>', 'folder for the report files', '.')
    .option('--scanners <list>', 'comma list of scanners to run (default: every scanner that applies)')
    .option('--history', 'scan the git history instead of the working tree')
    .option('--since <rev|date>', 'with --history: only commits after this revision or date')
    .option('--image <target>', 'scan a container image (docker archive, OCI layout, root filesystem)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity'))
    .option('--config <file>', 'configuration file (default: PATH/.bulwark.yml)')
    .option('--exclude <glob>', 'leave out paths matching this glob (repeatable)', collect)
    .option('--format <list>', 'report formats to write: gitlab, sarif, cyclonedx', 'gitlab,sarif,cyclonedx')
    .option('--baseline <report>', 'report only findings not in this earlier report (GitLab JSON or SARIF)')
    .option('--max-file-size <size>', 'skip files larger than this (default 100MB)')
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--jobs <n>', 'worker threads (default: one per core)')
    .option('--project-id <id>', 'GitLab project id: report ids become GitLab finding UUIDs')
    .option('--uuid-namespace <uuid>', 'namespace for finding UUIDs (default: GitLab production)')
    .option('--db <dir>', 'advisory database folder (default: $BULWARK_DB_DIR, else ~/.cache/bulwark/db)')
    .option('--rules <path>', 'extra SAST rules: a YAML file or a folder of them (repeatable)', collect)
    .option('--licenses-deny <list>', 'comma list of SPDX license ids to report when a dependency is under one')
    .option('--quiet', 'print nothing but errors')
    .option('--no-progress', 'no progress line on the terminal')
    .action(async (path: string, flags: ScanFlags) => {
      const { scanCommand } = await import('./commands/scan.js');
      setExitCode(await scanCommand(path, flags, signal));
    });

  for (const name of commandsNeeded(argv)) await registerLazyCommand(name, program, setExitCode, signal);

  program
    .command('rules')
    .description('work with SAST rules')
    .command('test')
    .description('run the annotated fixtures beside each rule (ruleid: / ok: comments) and report mismatches')
    .argument('<dir>', 'folder of rule YAML files with their fixtures')
    .action(async (dir: string) => {
      const { rulesTestCommand } = await import('./commands/rules.js');
      setExitCode(await rulesTestCommand(dir));
    });

  return program;
}

/** Run the CLI; returns the exit code. User mistakes print one line, never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const program = await buildProgram(argv, (code) => {
      exitCode = code;
    }, controller.signal);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`bulwark: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (controller.signal.aborted) {
      process.stderr.write('bulwark: interrupted; no report was written\n');
      return 130;
    }
    process.stderr.write(`bulwark: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
