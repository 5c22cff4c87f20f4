import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDate } from '../../lib/format';
import { StatusMessage, type Outcome } from '../../components/status-message';
import type { Message } from '../shared/messages';
import { chooseRules, RULES_KEY, type RulesCache } from '../shared/rules-choice';
import { getCollectorUrl, setCollectorUrl, setEnrolment } from '../shared/settings';
import { REGISTRY_KEY, type RegistryMeta } from '../shared/registry';
import '../popup/popup.css';

/** Settings: the collector address (the province's server), the page-reading rules, leaving the agency. */
function Options() {
  // null until the stored address is read: a form shown earlier could take typing that the late read then
  // overwrote, saving the old address (the cause of the e2e "Kiểm tra mã" failing about one run in thirty).
  const [url, setUrl] = useState<string | null>(null);
  const [saved, setSaved] = useState<Outcome | null>(null);
  const [rules, setRules] = useState<RulesCache | undefined>(undefined);
  const [rulesMessage, setRulesMessage] = useState('');
  const [registry, setRegistry] = useState<RegistryMeta | undefined>(undefined);
  const [registryMessage, setRegistryMessage] = useState('');
  useEffect(() => {
    void getCollectorUrl().then(setUrl);
    void browser.storage.local.get(RULES_KEY).then((s) => setRules(s[RULES_KEY] as RulesCache | undefined));
    void browser.storage.local.get(REGISTRY_KEY).then((s) => setRegistry(s[REGISTRY_KEY] as RegistryMeta | undefined));
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const u = new URL((url ?? '').trim());
      if (u.protocol !== 'https:' && u.hostname !== 'localhost') throw new Error();
      await setCollectorUrl(u.origin);
      // Another collector, another province's registry of verified households: asked before anything else, so the
      // request is on its way even if the page is closed at once (its outcome shows in that section).
      void browser.runtime
        .sendMessage({ type: 'refresh-registry' } satisfies Message)
        .then(() => browser.storage.local.get(REGISTRY_KEY))
        .then((s) => setRegistry(s[REGISTRY_KEY] as RegistryMeta | undefined))
        .catch(() => {});
      setSaved({ text: `Đã lưu: ${u.origin}` });
      await browser.runtime.sendMessage({ type: 'flush-outbox' } satisfies Message).catch(() => {});
    } catch {
      setSaved({ text: 'Địa chỉ không hợp lệ: cần dạng https://ten-may-chu (hoặc http://localhost khi thử nghiệm).', error: true });
    }
  };
  const refresh = async () => {
    const r = (await browser.runtime.sendMessage({ type: 'refresh-rules' } satisfies Message).catch(() => undefined)) as { message: string } | undefined;
    setRulesMessage(r?.message ?? 'Chưa cập nhật được bộ quy tắc. Hãy thử lại sau.');
    setRules((await browser.storage.local.get(RULES_KEY))[RULES_KEY] as RulesCache | undefined);
  };
  const refreshRegistry = async () => {
    const r = (await browser.runtime.sendMessage({ type: 'refresh-registry', force: true } satisfies Message).catch(() => null)) as { message: string } | null;
    setRegistryMessage(r?.message ?? '');
    setRegistry((await browser.storage.local.get(REGISTRY_KEY))[REGISTRY_KEY] as RegistryMeta | undefined);
  };
  const inUse = chooseRules(rules);
  return (
    <main>
      <h1>Cài đặt Nông sản số</h1>
      {url === null ? (
        <p>Đang tải cài đặt…</p>
      ) : (
      <form onSubmit={save}>
        <h2>Máy chủ của tỉnh</h2>
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
      <h2>Quy tắc đọc trang</h2>
      <p>
        Đang dùng phiên bản {inUse.version}
        {rules ? `; bản của tỉnh tải về ngày ${formatDate(rules.fetchedAt)}` : '; chưa tải được bản của tỉnh, dùng bản kèm tiện ích'}.
      </p>
      <button type="button" onClick={refresh}>
        Cập nhật quy tắc ngay
      </button>
      <StatusMessage quiet message={{ text: rulesMessage }} />
      <h2>Hộ sản xuất đã xác minh</h2>
      <p>
        Trên trang sản phẩm của cửa hàng thuộc hộ sản xuất Lạng Sơn đã đăng ký, tiện ích ghi chú những gì Sở NN&amp;PTNT đã xác minh (VietGAP, OCOP, truy
        xuất nguồn gốc).{' '}
        {registry ? `Danh sách ${registry.keys.length} cửa hàng, tải về ngày ${formatDate(registry.fetchedAt)}.` : 'Chưa tải được danh sách.'}
      </p>
      <button type="button" onClick={refreshRegistry}>
        Cập nhật danh sách
      </button>
      <StatusMessage quiet message={{ text: registryMessage }} />
      <h2>Rời cơ quan</h2>
      <p>Xóa đăng ký trên máy này (đơn hàng đã ghi vẫn được giữ). Đăng ký lại bằng mã mới trong cửa sổ tiện ích.</p>
      <button type="button" onClick={() => setEnrolment(null)}>
        Xóa đăng ký
      </button>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
