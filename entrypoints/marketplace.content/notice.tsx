import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Message, TabMessage } from '../shared/messages';
import type { Feature } from './feature';
import { NoticeView, noticeCss } from './notice-view';

/** After an order is recorded, a small notice on the page (in a shadow root, so the site's CSS cannot break it). */
export const notice: Feature = {
  name: 'notice',
  run({ ctx }) {
    browser.runtime.onMessage.addListener((m: TabMessage, sender) => {
      if (sender.id !== browser.runtime.id || m?.type !== 'orders-recorded') return;
      let ui: { remove(): void; mount(): void } | null = null;
      void createShadowRootUi(ctx, {
        name: 'nongsan-so-notice',
        position: 'overlay',
        zIndex: 2147483647,
        css: noticeCss,
        onMount(container) {
          const exclude = (key: string, excluded: boolean) => browser.runtime.sendMessage({ type: 'exclude-order', key, excluded } satisfies Message);
          render(<NoticeView orders={m.orders} onExclude={exclude} onClose={() => ui?.remove()} />, container);
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      }).then((created) => {
        ui = created;
        created.mount();
      });
    });
  },
};
