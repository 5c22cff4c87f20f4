import { describe, expect, it } from 'vitest';
import { langSon } from '.';
import { regionPackProblems } from './check';

describe('regionPackProblems', () => {
  it('accepts the Lạng Sơn pack as shipped', () => {
    expect(regionPackProblems(langSon)).toEqual([]);
  });

  it('names duplicated codes, a deadline for an unknown district and an impossible period', () => {
    const pack = structuredClone(langSon);
    pack.districts[1].communes[0].code = pack.districts[0].communes[0].code;
    pack.agencies.push({ ...pack.agencies[0] });
    pack.signupDeadlines = { '999': '2021-12-31', default: '31/12/2021' };
    pack.periods = [{ id: 'p', name: 'Đợt', startsOn: '2021-09-30', endsOn: '2021-08-01', reportDue: '2021-10-05' }];
    expect(regionPackProblems(pack)).toEqual([
      `Mã xã ${langSon.districts[0].communes[0].code} bị lặp.`,
      `Mã cơ quan ${langSon.agencies[0].code} bị lặp.`,
      'Đợt p: cần id, name và các ngày startsOn ≤ endsOn, reportDue dạng yyyy-mm-dd.',
      'Hạn đăng ký hộ cho huyện 999: không có huyện này trong gói.',
      'Hạn đăng ký hộ "default": 31/12/2021 không phải ngày dạng yyyy-mm-dd.',
    ]);
  });

  it('takes store links for the extension only as https addresses of the two stores', () => {
    const pack = structuredClone(langSon);
    pack.extensionLinks = { chrome: 'https://chromewebstore.google.com/detail/nong-san-so/abcdefghijklmnopabcdefghijklmnop', firefox: 'https://addons.mozilla.org/vi/firefox/addon/nong-san-so/' };
    expect(regionPackProblems(pack)).toEqual([]);
    (pack as unknown as { extensionLinks: Record<string, string> }).extensionLinks = { chrome: 'chromewebstore.google.com/detail/x', edge: 'https://microsoftedge.microsoft.com/addons/x' };
    expect(regionPackProblems(pack)).toEqual(['extensionLinks.chrome phải là một địa chỉ https://…', 'extensionLinks.edge: chỉ có chrome và firefox.']);
  });

  it('refuses what is not a pack', () => {
    expect(regionPackProblems(null)).toEqual(['Gói địa phương phải là một đối tượng JSON.']);
    expect(regionPackProblems([])).toContain('Thiếu danh sách huyện (districts).');
  });
});
