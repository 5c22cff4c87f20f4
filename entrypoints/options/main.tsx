import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDate } from '../../lib/format';
import { StatusMessage, type Outcome } from '../../components/status-message';
import type { Message } from '../shared/messages';
import { chooseRules, RULES_KEY, type RulesCache } from '../shared/rules-choice';
import { getCollectorUrl, setCollectorUrl, setEnrolment } from '../shared/settings';
import '../popup/popup.css';

/** Settings: the collector address (the province's server), the page-reading rules, leaving the agency. */
function Options() {
  // null until the stored address is read: a form shown earlier could take typing that the late read then
  // overwrote, saving the old address (the cause of the e2e "Kiểm tra mã" failing about one run in thirty).
  const [url, setUrl] = useState<string | null>(null);
  const [saved, setSaved] = useState<Outcome | null>(null);
  const [rules, setRules] = useState<RulesCache | undefined>(undefined);
  const [rulesMessage, setRulesMessage] = useState('');
  useEffect(() => {
    void getCollectorUrl().then(setUrl);
    void browser.storage.local.get(RULES_KEY).then((s) => setRules(s[RULES_KEY] as RulesCache | undefined));
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const u = new URL((url ?? '').trim());
      if (u.protocol !== 'https:' && u.hostname !== 'localhost') throw new Error();
      await setCollectorUrl(u.origin);
      setSaved({ text: `Đã lưu: ${u.origin}` });
      await browser.runtime.sendMessage({ type: 'flush-outbox' } satisfies Message).catch(() => {});
    } catch {
      setSaved({ text: 'Địa chỉ không hợp lệ: cần dạng https://ten-may-chu (hoặc http://localhost khi thử nghiệm).', error: true });
    }
  };
  const refresh = async () => {
    const r = (await browser.runtime.sendMessage({ type: 'refresh-rules' } satisfies Message)) as { message: string };
    setRulesMessage(r.message);
    setRules((await browser.storage.local.get(RULES_KEY))[RULES_KEY] as RulesCache | undefined);
  };
  const inUse = chooseRules(rules);
  return (
    <main>
      <h1>Cài đặt Nông sản số</h1>
      {url === null ? (
        <p>Đang tải cài đặt…</p>
      ) : (
      <form onSubmit={save}>
        <h2>Máy chủ của tỉnh <span class="en">Collector address</span></h2>
        <label>
          Địa chỉ máy chủ nhận báo cáo
          <input type="url" name="collector" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <button class="primary" type="submit">
          Lưu
        </button>{' '}
        <button type="button" onClick={() => setCollectorUrl(null).then(getCollectorUrl).then(setUrl)}>
          Dùng địa chỉ mặc định
        </button>
        <StatusMessage message={saved} />
      </form>
      )}
      <h2>Quy tắc đọc trang <span class="en">Page-reading rules</span></h2>
      <p>
        Đang dùng phiên bản {inUse.version}
        {rules ? `; bản của tỉnh tải về ngày ${formatDate(rules.fetchedAt)}` : '; chưa tải được bản của tỉnh, dùng bản kèm tiện ích'}.
      </p>
      <button type="button" onClick={refresh}>
        Cập nhật quy tắc ngay
      </button>
      <StatusMessage quiet message={{ text: rulesMessage }} />
      <h2>Rời cơ quan <span class="en">Leave the agency</span></h2>
      <p>Xóa đăng ký trên máy này (đơn hàng đã ghi vẫn được giữ). Đăng ký lại bằng mã mới trong cửa sổ tiện ích.</p>
      <button type="button" onClick={() => setEnrolment(null)}>
        Xóa đăng ký
      </button>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
