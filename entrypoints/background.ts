// The background: records what the content scripts read, delivers the outbox, refreshes the rules and the registry
// of verified households' shops daily.
// Chrome may stop this service worker at any time: everything lives in IndexedDB and alarms, and every
// start (browser start, wake-up by an alarm or a message) flushes what is due.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { Message, PageReadAnswer } from './shared/messages';
import { noticeOf } from './shared/notice-summary';
import { outbox, syncAnswersIfDue } from './shared/orders/deliver';
import { enqueue } from './shared/outbox';
import { recordPage } from './shared/orders/record';
import { setOrderExcluded } from './shared/orders/correct';
import { refreshRules } from './shared/rules-cache';
import { syncNewerRulesScript } from './shared/newer-rules';
import { RULES_KEY } from './shared/rules-choice';
import { refreshRegistry } from './shared/registry';

const OUTBOX_ALARM = 'outbox';
const RULES_ALARM = 'rules';
const REGISTRY_ALARM = 'registry';

/** Delivers what is due, then sets an alarm for the next retry (the outbox's backoff), if any. */
async function flushOutbox() {
  const box = outbox();
  await box.flush();
  const due = await box.nextDue();
  if (due === null) await browser.alarms.clear(OUTBOX_ALARM);
  else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(due, Date.now() + 1000) });
}

async function handle(message: Message): Promise<unknown> {
  switch (message.type) {
    case 'page-read': {
      const created = await recordPage(message.result);
      return { recorded: created.map(noticeOf) } satisfies PageReadAnswer;
    }
    case 'exclude-order':
      await setOrderExcluded(message.key, message.excluded);
      return { ok: true };
    case 'report-page':
      await enqueue({
        kind: 'page-report',
        clientId: crypto.randomUUID(),
        body: {
          clientId: crypto.randomUUID(),
          url: message.url,
          pageType: message.pageType,
          structure: message.structure,
          extensionVersion: browser.runtime.getManifest().version,
          rulesVersion: message.rulesVersion,
          note: message.note,
        },
      });
      void flushOutbox();
      return { queued: true };
    case 'flush-outbox':
      // Asked by the person (Gửi, a new collector address): try now, not at the next backoff step.
      await outbox().retryNow();
      await flushOutbox();
      // Then what the agency decided since (an order reviewed, refused): shown on each order.
      await syncAnswersIfDue({ force: true });
      return { ok: true };
    case 'sync-answers':
      // The popup opened: the agency's decisions, at most every few minutes.
      return { asked: await syncAnswersIfDue() };
    case 'refresh-rules':
      return { message: await refreshRules() };
    case 'refresh-registry':
      return { message: await refreshRegistry(new Date(), message.force) };
  }
}

export default defineBackground({
  // A module: built with the popup and options pages, so they share one copy of Dexie, Preact-free code and lib/.
  type: 'module',
  main() {
    browser.runtime.onMessage.addListener((message: Message, sender, sendResponse) => {
      // Only this extension's own pages and content scripts may talk to it.
      if (sender.id !== browser.runtime.id || !message?.type) return;
      // Answered through sendResponse, the channel kept open by `return true`, not by returning the promise: Chromium
      // answers with a listener's promise only from 144 on, and browsers built on older Chromium (Cốc Cốc among them)
      // would hand the page no answer, so no notice of the orders it just recorded. A failure answers undefined, which
      // every sender takes as "nothing done".
      handle(message).then(sendResponse, () => sendResponse(undefined));
      return true;
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === OUTBOX_ALARM) void flushOutbox();
      if (alarm.name === RULES_ALARM) void refreshRules();
      if (alarm.name === REGISTRY_ALARM) void refreshRegistry();
    });
    // Content scripts learn that the collector's rules are newer from a script registered while they are.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && RULES_KEY in changes) void syncNewerRulesScript();
    });
    void syncNewerRulesScript();
    // Daily rules refresh; created once, kept by the browser across restarts.
    void browser.alarms.get(RULES_ALARM).then((a) => {
      if (!a) void browser.alarms.create(RULES_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
    });
    // The registry of verified households' shops (the buyer's note): checked every few hours, fetched at most daily.
    void browser.alarms.get(REGISTRY_ALARM).then((a) => {
      if (!a) void browser.alarms.create(REGISTRY_ALARM, { delayInMinutes: 1, periodInMinutes: 6 * 60 });
    });
    void refreshRegistry();
    // The network came back: try what waits now rather than at the next backoff step. (navigator.onLine alone is
    // never trusted: the flush itself finds out whether the collector answers, and client/reachability.ts records it.)
    self.addEventListener('online', () => void outbox().retryNow().then(flushOutbox));
    void flushOutbox();
  },
});
