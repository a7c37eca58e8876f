import { Command, CommanderError, Option } from 'commander';
import { EXIT_USAGE, UsageError } from './errors.js';
import { registerAdminCommand } from './commands/admin.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerDastCommand } from './commands/dast.js';
import { registerDbCommand } from './commands/db.js';
import { rulesTestCommand } from './commands/rules.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUploadCommand } from './commands/upload.js';
import { scanCommand, type ScanFlags } from './commands/scan.js';
import { VERSION } from './version.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function buildProgram(setExitCode: (code: number) => void, signal: AbortSignal): Command {
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
      setExitCode(await scanCommand(path, flags, signal));
    });

  registerDbCommand(program, setExitCode, signal);
  registerCompareCommand(program, setExitCode, signal);
  registerDastCommand(program, setExitCode, signal);
  registerUploadCommand(program, setExitCode, signal);
  registerServeCommand(program, setExitCode);
  registerAdminCommand(program, setExitCode);

  program
    .command('rules')
    .description('work with SAST rules')
    .command('test')
    .description('run the annotated fixtures beside each rule (ruleid: / ok: comments) and report mismatches')
    .argument('<dir>', 'folder of rule YAML files with their fixtures')
    .action(async (dir: string) => {
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
  const program = buildProgram((code) => {
    exitCode = code;
  }, controller.signal);
  try {
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
