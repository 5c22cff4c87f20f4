import * as v from 'valibot';
import { Problem } from './problem';

/** Checks a request body against a lib/api schema; the first problem is a 400.2 naming the field in Vietnamese. */
export function readBody<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, body ?? {});
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new Problem('400.2', { field: v.getDotPath(issue) ?? '', detail: issue.message });
}
