import type { Problem } from '../../../core/result.js';
import { IMAGE_LIMITS } from './limits.js';

/**
 * Collects notices while an image is read. A hostile layer can produce one notice per entry, so
 * only the first few of each code are kept and the rest are counted in a closing notice.
 */
export class ProblemLog {
  private readonly kept: Problem[] = [];
  private readonly seen = new Map<string, number>();

  add(problem: Problem): void {
    const count = (this.seen.get(problem.code) ?? 0) + 1;
    this.seen.set(problem.code, count);
    if (count <= IMAGE_LIMITS.maxNoticesPerCode) this.kept.push(problem);
  }

  /** The notices kept, then one line per code that had more than were kept. */
  list(): readonly Problem[] {
    const summaries: Problem[] = [];
    for (const [code, count] of this.seen) {
      const dropped = count - IMAGE_LIMITS.maxNoticesPerCode;
      if (dropped > 0) {
        summaries.push({ code, level: 'info', message: `${dropped} more notices of this kind (${code}) were left out` });
      }
    }
    return [...this.kept, ...summaries];
  }
}
