import { formatNumber, formatVnd } from '../../lib/format';
import type { RecordedNotice } from '../shared/messages';

/**
 * The box the notice and the buyer's note (badge.ts) are both drawn in, the same for both: colours, font, border,
 * place, heading and text, the focus ring of their buttons.
 */
export const boxCss = `
.n{position:fixed;right:16px;bottom:16px;max-width:22rem;background:#fff;color:#1a1a1a;border:2px solid #1b6e3a;
  border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.25);padding:12px 40px 12px 14px;font:15px/1.45 system-ui,sans-serif}
.n h2{font-size:15px;margin:0 0 4px;color:#1b6e3a}.n p{margin:4px 0}.n button:focus-visible{outline:3px solid #f0a500;outline-offset:1px}
`;

/** The notice's: its buttons ("Không tính đơn này", "Hoàn tác") and its close button in the corner. */
export const noticeCss = `${boxCss}
.n button{font:inherit;margin:6px 6px 0 0;padding:4px 10px;border-radius:6px;border:1px solid #1b6e3a;background:#fff;color:#1b6e3a;cursor:pointer}
.n .x{position:absolute;top:6px;right:6px;width:28px;height:28px;padding:0;border:0;margin:0;font-size:20px;line-height:1}
`;

/**
 * Runs `act` only for what the person did (a real click, Enter, Space): a page script can dispatch synthetic
 * clicks (isTrusted false) and must not press "Không tính đơn này" for them.
 */
export const onlyTrusted = (act: () => unknown) => (e: Event) => {
  if (e.isTrusted) void act();
};

type Child = Node | string | false | null | undefined;

/** An element with attributes and children: the whole of this UI's templating (no framework on the page). */
export function el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

/** A button that acts on real clicks only. */
export function button(attrs: Record<string, string>, text: string, act: () => unknown): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, text) as HTMLButtonElement;
  b.addEventListener('click', onlyTrusted(act));
  return b;
}

/** What was recorded for the campaign, with "Không tính đơn này" and undo. Keyboard and screen-reader usable. */
export function noticeView(props: { orders: RecordedNotice[]; onExclude(key: string, excluded: boolean): Promise<unknown>; onClose(): void }): HTMLElement {
  return el(
    'section',
    { class: 'n', role: 'status', 'aria-live': 'polite', 'aria-label': 'Nông sản số: đơn hàng đã ghi nhận' },
    button({ class: 'x', 'aria-label': 'Đóng thông báo' }, '×', props.onClose),
    ...props.orders.map((o) => orderLine(o, props.onExclude)),
  );
}

function orderLine(o: RecordedNotice, onExclude: (key: string, excluded: boolean) => Promise<unknown>): HTMLElement {
  const code = o.orderCode ? `đơn ${o.orderCode}` : 'đơn hàng (chưa đọc được mã đơn)';
  let excluded = false;
  const toggle = async () => {
    toggleButton.disabled = true;
    try {
      await onExclude(o.key, !excluded);
      excluded = !excluded;
      draw();
    } finally {
      toggleButton.disabled = false;
    }
  };
  // The same button throughout, never taken out of the page, so that a keyboard user keeps focus on it.
  const toggleButton = button({}, '', toggle);
  const said = el('div', {});
  const draw = () => {
    toggleButton.textContent = excluded ? 'Hoàn tác' : 'Không tính đơn này';
    said.replaceChildren(
      ...[
        el('h2', {}, excluded ? `Đã bỏ ${code} khỏi báo cáo` : `Đã ghi nhận ${code} cho đợt vận động`),
        !excluded &&
          el(
            'p',
            {},
            o.farmItems
              ? `${o.farmItems} sản phẩm nông sản, số lượng ${formatNumber(o.quantity)}, ${formatVnd(o.amountVnd)}${o.grams ? `, khoảng ${formatNumber(o.grams / 1000)} kg` : ''}.`
              : 'Không thấy sản phẩm nông sản trong đơn này; bạn có thể sửa trong tiện ích.',
          ),
        o.incomplete && !excluded && el('p', {}, 'Trang không cho biết đủ thông tin: mở tiện ích để điền phần còn thiếu.'),
        excluded && el('p', {}, 'Đơn này sẽ không được tính.'),
      ].filter((c): c is HTMLElement => !!c),
    );
  };
  draw();
  return el('div', {}, said, toggleButton);
}
