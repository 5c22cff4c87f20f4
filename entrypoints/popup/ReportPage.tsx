import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { marketplaceMatches } from '../../lib/marketplaces/hosts';
import { CONTENT_SCRIPT_WAKE, type TabMessage } from '../shared/messages';
import { StatusMessage, type Outcome } from '../../components/status-message';

interface MarketTab {
  id: number;
  url: string;
  title: string;
}

/**
 * Sends a message to the marketplace tab's content script. Until the popup first asks, the script does not listen (on
 * most pages it touches no extension API, and an order page registers no listener either, marketplace/index.ts): it is
 * asked to, in its isolated world, and the message sent again.
 */
async function sendToPage(tabId: number, message: TabMessage): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    const [woken] = await browser.scripting.executeScript({
      target: { tabId },
      func: (name: string) => {
        const listen = (globalThis as Record<string, unknown>)[name];
        if (typeof listen !== 'function') return false;
        listen();
        return true;
      },
      args: [CONTENT_SCRIPT_WAKE],
    });
    if (!woken?.result) throw new Error('no content script in the page');
    return await browser.tabs.sendMessage(tabId, message);
  }
}

/**
 * "Báo trang lỗi": the marketplace tab the person used last sends its structure, personal data stripped
 * in the page itself, to the province. Needs no "tabs" permission: the host permissions show the
 * marketplace tabs' addresses and nothing else.
 */
export function ReportPage({ enrolled }: { enrolled: boolean }) {
  const [tab, setTab] = useState<MarketTab | null | undefined>(undefined);
  const [note, setNote] = useState('');
  const [result, setResult] = useState<Outcome | null>(null);
  useEffect(() => {
    void browser.tabs.query({ url: marketplaceMatches }).then((tabs) => {
      const last = tabs.filter((t) => t.id !== undefined && t.url).sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
      setTab(last ? { id: last.id!, url: last.url!, title: last.title ?? '' } : null);
    });
  }, []);
  const send = async () => {
    if (!tab) return;
    try {
      const message: TabMessage = { type: 'report-broken-page', note: note.trim() || null };
      const r = (await sendToPage(tab.id, message)) as { queued?: boolean } | undefined;
      if (!r?.queued) throw new Error();
      setResult({ text: 'Đã ghi nhận báo lỗi; tiện ích sẽ gửi cho Sở khi có mạng. Cảm ơn bạn!' });
    } catch {
      setResult({ text: 'Không đọc được trang này. Hãy tải lại trang của sàn rồi thử lại.', error: true });
    }
  };
  return (
    <section aria-labelledby="report-h">
      <h2 id="report-h">Báo trang lỗi</h2>
      <p>
        Khi tiện ích không nhận ra đơn hàng trên một trang của sàn, hãy gửi báo lỗi để Sở sửa quy tắc đọc trang. Chỉ gửi cấu trúc trang; họ tên, số điện
        thoại, địa chỉ, email được xóa ngay trên máy bạn trước khi gửi.
      </p>
      {!enrolled && <p class="note">Cần đăng ký với cơ quan trước khi gửi báo lỗi.</p>}
      {tab === null && <p>Chưa mở trang nào của langson.voso.vn hay langson.postmart.vn.</p>}
      {tab && (
        <>
          <p>
            Trang sẽ báo: <strong class="report-url">{new URL(tab.url).host + new URL(tab.url).pathname}</strong>
          </p>
          <label>
            Ghi chú (không bắt buộc; đừng ghi thông tin cá nhân)
            <input type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button class="primary" type="button" onClick={send} disabled={!enrolled}>
            Gửi báo lỗi
          </button>
        </>
      )}
      <StatusMessage message={result} />
    </section>
  );
}
