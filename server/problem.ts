import type { ProblemCode } from '../lib/api/problems';
import { problems } from '../lib/api/problems';

/** A refusal with a numbered problem code; the app's error handler turns it into JSON. */
export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly extra: { field?: string; detail?: string } = {},
  ) {
    super(problems[code].en);
  }
}
