import type { TestDeps } from '../test-databases';

/** A JSON call on the app as a tablet or a person makes it: with their bearer token, or none. */
export const jsonRequest =
  (deps: () => TestDeps) =>
  (method: string, path: string, token: string | null, body?: unknown): Promise<Response> =>
    Promise.resolve(
      deps().app.request(path, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
