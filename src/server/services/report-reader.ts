import type { Problem, Result } from '../../core/result.js';
import type { IngestedReport, ReadOptions } from '../../formats/read/types.js';

/** formats/read's readSecurityReportBytes: the one way an uploaded file becomes data. */
export type ReportReader = (bytes: Uint8Array, options: ReadOptions) => Result<IngestedReport[], Problem[]>;
