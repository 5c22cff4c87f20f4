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
 * Deepest nesting of arrays and objects a request may have. Every shape in lib/api/ is a few levels deep (a page
 * report's DOM outline is the deepest, bounded by its own schema); a body nested 200.000 deep would overflow the
 * stack of the validator (a 500) or spend the request's time walking it.
 */
export const maxJsonDepth = 64;

/**
 * Whether the JSON text nests deeper than `max`, read without parsing (brackets inside strings do not count). A string
 * is skipped whole, to its closing quote found by the engine's own search: a batch of orders is mostly text (names,
 * addresses, ids), and walking it a character at a time was a percent of the batch's CPU.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && escapedAt(text, end)) end = text.indexOf('"', end + 1);
      // An unterminated string: nothing after it nests (JSON.parse refuses the text, 400.1).
      if (end === -1) return false;
      i = end;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/** Whether the character at `at` is escaped: an odd number of backslashes before it. */
function escapedAt(text: string, at: number): boolean {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 0x5c) n++;
  return n % 2 === 1;
}

/**
 * Reads the body as JSON whatever its Content-Type (a tablet's or extension's fetch of a string sends text/plain),
 * refusing with 400.1 when it is not JSON and 400.3 when it nests too deep.
 */
async function asJson(c: Context): Promise<unknown> {
  // No body at all is an empty object (a call whose fields are all optional).
  const text = (await c.req.text()).trim() || '{}';
  if (nestsDeeperThan(text, maxJsonDepth)) throw new Problem('400.3');
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem('400.1');
  }
}

/**
 * Validates the JSON body; `code` is the problem answered for a bad field (400.2 unless the call has its own). The
 * body is parsed once, here, and checked against the schema here (hono's validator would parse the text again).
 */
export function body<S extends v.GenericSchema | v.GenericSchemaAsync, E extends Env = Env>(schema: S, code: ProblemCode = '400.2') {
  const fail = refuse(code);
  const checked: MiddlewareHandler = async (c, next) => {
    const result = await v.safeParseAsync(schema, await asJson(c));
    fail(result);
    if (!result.success) throw new Problem(code);
    c.req.addValidatedData('json', result.output as object);
    await next();
  };
  return checked as unknown as MiddlewareHandler<E, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }>;
}

/** Validates the query string. */
export function query<S extends v.GenericSchema | v.GenericSchemaAsync, E extends Env = Env>(schema: S, code: ProblemCode = '400.2') {
  return vValidator('query', schema, refuse(code)) as unknown as MiddlewareHandler<E, string, { in: { query: v.InferInput<S> }; out: { query: v.InferOutput<S> } }>;
}
