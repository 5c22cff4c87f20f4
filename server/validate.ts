/**
 * Requests are checked against the shapes in lib/api/ (valibot) with @hono/valibot-validator; this is the one hook
 * that turns a failure into the numbered problem answer: `field` names the first offending field (dot path) and
 * `detail` carries the schema's Vietnamese sentence. A schema may give a problem code as its message instead (e.g.
 * '400.12' for a batch over 100 orders), and that code is answered.
 */
import type { Context, Env, MiddlewareHandler } from 'hono';
import { vValidator } from '@hono/valibot-validator';
import * as v from 'valibot';
import { problems, type ProblemCode } from '../lib/api/problems';
import { Problem } from './problem';

function refuse(code: ProblemCode) {
  return (result: { success: boolean; issues?: readonly v.BaseIssue<unknown>[] }) => {
    if (result.success || !result.issues?.length) return;
    const issue = result.issues[0];
    const field = v.getDotPath(issue) ?? undefined;
    if (issue.message in problems) throw new Problem(issue.message as ProblemCode, field ? { field } : {});
    // Valibot's own messages are English ("Invalid type: …"): only the sentences the schemas give are shown.
    const detail = issue.message.startsWith('Invalid ') ? undefined : issue.message;
    throw new Problem(code, { ...(field ? { field } : {}), ...(detail ? { detail } : {}) });
  };
}

/**
 * Reads the body as JSON whatever its Content-Type (a tablet's or extension's fetch of a string sends text/plain),
 * refusing with 400.1 when it is not JSON; the validator then reads it as JSON.
 */
async function asJson(c: Context) {
  // No body at all is an empty object (a call whose fields are all optional).
  const text = (await c.req.text()).trim() || '{}';
  try {
    JSON.parse(text);
  } catch {
    throw new Problem('400.1');
  }
  const headers = new Headers(c.req.raw.headers);
  headers.set('Content-Type', 'application/json');
  c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers, body: text });
  c.req.bodyCache = {};
}

/** Validates the JSON body; `code` is the problem answered for a bad field (400.2 unless the call has its own). */
export function body<S extends v.GenericSchema | v.GenericSchemaAsync, E extends Env = Env>(schema: S, code: ProblemCode = '400.2') {
  const validate = vValidator('json', schema, refuse(code));
  const checked: MiddlewareHandler = async (c, next) => {
    await asJson(c);
    return validate(c as never, next);
  };
  return checked as unknown as MiddlewareHandler<E, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }>;
}

/** Validates the query string. */
export function query<S extends v.GenericSchema | v.GenericSchemaAsync, E extends Env = Env>(schema: S, code: ProblemCode = '400.2') {
  return vValidator('query', schema, refuse(code)) as unknown as MiddlewareHandler<E, string, { in: { query: v.InferInput<S> }; out: { query: v.InferOutput<S> } }>;
}
