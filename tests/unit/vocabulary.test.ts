import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One vocabulary (issue 10 item 5) in what agencies and the province read: the dashboards, the collector's
// messages and exports, the API's shared sentences and the user guide. The kiosk and the extension are not
// scanned here (their wording is their own areas').
const root = join(import.meta.dirname, '../..');
const scanned = ['pwa/src/dashboard/', 'components/', 'server/', 'lib/api/', 'lib/vocabulary.ts', 'docs/huong-dan.md'];

/** The tracked text files people read words from (tests are not shown to anyone). */
function readable(): string[] {
  const files = execFileSync('git', ['ls-files', ...scanned], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  return files.filter((f) => /\.(tsx?|md)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('server/testing/'));
}

/** Every line of `text` that matches `pattern`, as "line n: …". */
export function offending(text: string, pattern: RegExp): string[] {
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

/** One test per rule: no line of `files` matches it. */
function checkEachRule(files: string[], ruleList: { name: string; pattern: RegExp }[]) {
  for (const rule of ruleList) {
    it(rule.name, () => {
      const found = files.flatMap((f) => offending(readFileSync(join(root, f), 'utf8'), rule.pattern).map((l) => `${f} ${l}`));
      expect(found).toEqual([]);
    });
  }
}

const rules: { name: string; pattern: RegExp }[] = [
  // The official names write "Ủy ban", "hóa", "khóa": the old placement of the tone mark is not used.
  { name: 'hóa/xóa/khóa, not hoá/xoá/khoá', pattern: /(h|x|kh)oá/i },
  { name: 'hủy/Ủy, not huỷ/Uỷ', pattern: /uỷ/i },
  { name: 'tỷ lệ, not tỉ lệ', pattern: /tỉ lệ/i },
  // The Công văn counts "cán bộ, công chức, viên chức, người lao động (kể cả cấp xã)", not a payroll.
  { name: 'Tổng số CB, CC, VC, NLĐ, not biên chế', pattern: /biên chế/i },
  // A campaign period is an "đợt".
  { name: 'đợt, not kỳ', pattern: /(trong|mỗi|theo) kỳ(?![\p{L}])|kỳ báo cáo|giai đoạn vận động/iu },
];

describe('one vocabulary in the dashboards, the collector and the guide', () => {
  const files = readable();

  it('scans the files people read words from', () => {
    expect(files).toContain('pwa/src/dashboard/province/agency-headcounts.tsx');
    expect(files).toContain('docs/huong-dan.md');
    expect(files).not.toContain('components/confirm.test.tsx');
  });

  checkEachRule(files, rules);

  it('finds a wrong spelling when there is one (checked on a small text)', () => {
    expect(offending('Đã lưu.\nKhoá tài khoản\nHủy', rules[0].pattern)).toEqual(['2: Khoá tài khoản']);
    expect(offending('Số biên chế: 40', rules[3].pattern)).toEqual(['1: Số biên chế: 40']);
    expect(offending('Mua trong kỳ này', rules[4].pattern)).toEqual(['1: Mua trong kỳ này']);
  });
});

// The commune officer's words (issue 15): what an older officer stumbled on in the kiosk, and one name for what
// waits to be sent, the extension's "hàng chờ gửi".
const kioskScanned = ['pwa/src/kiosk/', 'pwa/src/dashboard/sign-in.tsx', 'pwa/src/app.tsx'];
const kioskRules: { name: string; pattern: RegExp }[] = [
  { name: 'hàng chờ gửi, as the extension says, not hàng đợi', pattern: /hàng đợi/i },
  { name: 'Gửi ngay, not Đồng bộ ngay', pattern: /đồng bộ ngay/i },
  { name: 'no "lưu trữ bền vững"', pattern: /bền vững/i },
  { name: 'no "(kiosk)" shown to people', pattern: /\(kiosk\)/i },
  { name: 'an example date, not dd/mm/yyyy, as a hint', pattern: /dd\/mm\/yyyy/i },
];

describe("the commune officer's words in the kiosk", () => {
  const files = execFileSync('git', ['ls-files', ...kioskScanned], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

  it('scans the kiosk screens', () => {
    expect(files).toContain('pwa/src/kiosk/queue-screen.tsx');
    expect(files).toContain('pwa/src/kiosk/storage-info.tsx');
  });

  checkEachRule(files, kioskRules);

  it('catches each old word (checked on a small text)', () => {
    expect(offending('Hàng đợi gửi\nHàng chờ gửi', kioskRules[0].pattern)).toEqual(['1: Hàng đợi gửi']);
    expect(offending('<button>Đồng bộ ngay</button>', kioskRules[1].pattern)).toEqual(['1: <button>Đồng bộ ngay</button>']);
    expect(offending(' · lưu trữ bền vững', kioskRules[2].pattern)).toEqual(['1: · lưu trữ bền vững']);
    expect(offending('Đăng ký hộ (kiosk)', kioskRules[3].pattern)).toEqual(['1: Đăng ký hộ (kiosk)']);
    expect(offending("placeholder='dd/mm/yyyy'", kioskRules[4].pattern)).toEqual(["1: placeholder='dd/mm/yyyy'"]);
  });
});
