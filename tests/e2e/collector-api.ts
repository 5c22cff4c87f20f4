// The test collector's API over HTTP in the shape the unit tests' helpers take (`app.request`, server/testing/seed.ts,
// tests/unit/robustness/people.ts), so an end-to-end spec makes its people and orders with the same helpers.
import { expect } from '@playwright/test';
import { enrolWithCode, submitOrders } from '../../server/testing/seed';
import type { TestDeps } from '../../server/test-databases';
import type { ScenarioCollector } from './scenario-collector';

export const overHttp = (collector: Pick<ScenarioCollector, 'db' | 'url'>): Pick<TestDeps, 'db' | 'app'> => ({
  db: collector.db,
  app: { request: (path: string, init?: RequestInit) => fetch(collector.url + path, init) } as unknown as TestDeps['app'],
});

/** Someone enrols with a code the agency issued and sends orders: the collector's answer for each. */
export async function enrolAndSubmit(collector: Pick<ScenarioCollector, 'db' | 'url'>, code: string, fullName: string, orders: unknown[]) {
  const api = overHttp(collector);
  const sent = await submitOrders(api, await enrolWithCode(api, code, fullName), orders);
  expect(sent.status).toBe(200);
  return sent.body.results;
}
