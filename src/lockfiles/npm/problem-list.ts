import type { Problem } from '../../core/result.js';

/** Above this many, further problems of a file are counted, not listed: a hostile file cannot flood the report. */
const MAX_LISTED_PROBLEMS = 50;

export interface ProblemList {
  add(code: string, message: string, line?: number, level?: Problem['level']): void;
  /** The listed problems, plus one that counts those left out. */
  list(): readonly Problem[];
}

export function createProblemList(file: string): ProblemList {
  const listed: Problem[] = [];
  let leftOut = 0;
  return {
    add(code, message, line, level = 'warn') {
      if (listed.length >= MAX_LISTED_PROBLEMS) {
        leftOut++;
        return;
      }
      listed.push({ code, message, file, level, ...(line === undefined ? {} : { line }) });
    },
    list() {
      if (leftOut === 0) return listed;
      return [...listed, { code: 'lockfile-problems-truncated', message: `${leftOut} more problems in this file were not listed`, file, level: 'warn' }];
    },
  };
}
