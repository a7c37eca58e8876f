/**
 * A rough reading of the shell script of a RUN instruction: enough to see which programs run with
 * which arguments and what pipes into what. Quotes are dropped from words, comments removed; it is
 * not a shell parser, and the rules that use it only look for plain, common spellings.
 */

/** One simple command: its words, with leading `VAR=value` assignments removed. */
export type Command = readonly string[];
/** Commands joined by `|`, in order. */
export type Pipeline = readonly Command[];

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Wrappers that run the next word as the command; `sudo` is kept for the rule that wants it. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'nohup', 'time', 'command']);

function stripComment(line: string): string {
  // `#` starts a comment only at the start of a word.
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[`(]+|^\$\(|[`)]+$/g, '').replace(/^["']+|["']+$/g, ''))
    .filter((word) => word.length > 0);
}

function withoutAssignments(command: readonly string[]): string[] {
  let start = 0;
  while (start < command.length && ASSIGNMENT.test(command[start] ?? '')) start++;
  return command.slice(start);
}

/** The script's pipelines, split at `&&`, `||`, `;`, `&` and line ends. */
export function pipelines(script: string): Pipeline[] {
  const result: Pipeline[] = [];
  for (const line of script.split('\n')) {
    for (const part of stripComment(line).split(/&&|\|\||;|&(?!&)/)) {
      const pipeline = part
        .split('|')
        .map((segment) => withoutAssignments(words(segment)))
        .filter((command) => command.length > 0);
      if (pipeline.length > 0) result.push(pipeline);
    }
  }
  return result;
}

/** Every simple command of the script. */
export function commands(script: string): Command[] {
  return pipelines(script).flat();
}

/** The command with wrappers like `sudo` or `env` (and their options) taken off the front. */
export function unwrapped(command: Command): Command {
  let rest = [...command];
  while (rest.length > 0 && WRAPPERS.has(basename(rest[0] ?? ''))) {
    rest = rest.slice(1);
    while (rest[0]?.startsWith('-')) rest = rest.slice(1);
    rest = withoutAssignments(rest);
  }
  return rest;
}

/** The program name without its directory: `/usr/bin/curl` → `curl`. */
export function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The program an (unwrapped) command runs. */
export function program(command: Command): string {
  return basename(unwrapped(command)[0] ?? '');
}
