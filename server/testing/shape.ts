import { expect } from 'vitest';
import * as v from 'valibot';

/** Asserts an answer has the shape lib/api/ declares for it, naming the first field that does not. */
export function expectShape<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  const problem = result.success ? null : `${v.getDotPath(result.issues[0]) ?? '(root)'}: ${result.issues[0].message}`;
  expect(problem).toBeNull();
  return result.output as v.InferOutput<S>;
}
