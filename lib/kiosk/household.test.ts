import { describe, expect, it } from 'vitest';
import { checkPhone, normalisePhone } from '../vn-phone';
import { checkCitizenId } from '../vn-citizen-id';
import { checkVietgap } from '../vietgap';
import { buildSearchIndex, foldForSearch, search } from '../search';
import { blockingProblems, checkHousehold, findDuplicates, householdFrom, identityKeys, isRegistrationTime, statusOf } from './household';
import { sampleHousehold } from './sample-household';


describe('Vietnamese mobile numbers', () => {
  it('normalises +84 and 84 to 0 and accepts current prefixes', () => {
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(checkPhone('+84 912 345 678')).toEqual({ ok: true, phone: '0912345678', carrier: 'vinaphone' });
    expect(checkPhone('0862123456')).toMatchObject({ ok: true, carrier: 'viettel' });
  });
  it('refuses wrong lengths, retired 11-digit numbers (with the new number) and unknown prefixes', () => {
    expect(checkPhone('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkPhone('091234567')).toMatchObject({ ok: false, reason: 'format' });
    const old = checkPhone('01688123456');
    expect(old).toMatchObject({ ok: false, reason: 'old-11-digit' });
    expect(old.ok ? '' : old.message).toContain('0388123456');
    expect(checkPhone('0212345678')).toMatchObject({ ok: false, reason: 'prefix' });
    expect(checkPhone('0951234567')).toMatchObject({ ok: false, reason: 'prefix' });
  });
});

describe('citizen ID', () => {
  it('accepts a 12-digit CCCD with a real province code and names the province', () => {
    expect(checkCitizenId('020 190 001 234')).toEqual({ ok: true, id: '020190001234', kind: 'cccd', province: 'Lạng Sơn' });
  });
  it('accepts the old 9-digit CMND, marked', () => {
    expect(checkCitizenId('080123456')).toEqual({ ok: true, id: '080123456', kind: 'cmnd', province: null });
  });
  it('refuses other lengths and unknown province codes', () => {
    expect(checkCitizenId('12345')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkCitizenId('003190001234')).toMatchObject({ ok: false, reason: 'province' });
    expect(checkCitizenId('')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('VietGAP numbers', () => {
  it('accepts any number but warns when it does not look like one', () => {
    expect(checkVietgap('  ')).toBeNull();
    expect(checkVietgap('VietGAP-TT-13-09-20-0096')).toMatchObject({ looksRight: true, warning: null });
    expect(checkVietgap('vietgap - tt-13-09-20-0096')?.looksRight).toBe(true);
    expect(checkVietgap('GCN 123/2021')).toMatchObject({ looksRight: false });
  });
});

describe('search without diacritics', () => {
  const index = buildSearchIndex([
    { key: 'a', name: 'Hoàng Văn Thụ', phone: '+84 912 345 678', idNumber: '020 190 001 234' },
    { key: 'b', name: 'Đặng Thị Hoa', phone: '0388123456', idNumber: null },
    { key: 'c', name: 'Hoàng Thị Đào', phone: null, idNumber: '080123456' },
  ]);
  it('folds case, marks and đ', () => {
    expect(foldForSearch('  ĐẶNG   Thị Hoà ')).toBe('dang thi hoa');
  });
  it('finds by words of the name, by phone (also +84) and by ID', () => {
    expect(search(index, 'hoang')).toEqual(['a', 'c']);
    expect(search(index, 'thu hoang')).toEqual(['a']);
    expect(search(index, 'dang hoa')).toEqual(['b']);
    expect(search(index, '0388')).toEqual(['b']);
    expect(search(index, '+84 912')).toEqual(['a']);
    expect(search(index, '0912 345')).toEqual(['a']);
    expect(search(index, '020190001234')).toEqual(['a']);
    expect(search(index, '080123')).toEqual(['c']);
    expect(search(index, 'xyz')).toEqual([]);
  });
});

describe('household checks', () => {
  it('accepts a complete household', () => {
    expect(checkHousehold(sampleHousehold())).toEqual([]);
  });
  it('names every missing or wrong field with a Vietnamese message', () => {
    const problems = checkHousehold(sampleHousehold({ headName: ' ', phone: '123', idNumber: '1', products: [], consent: false }));
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['headName', '400.52'],
      ['phone', '400.50'],
      ['idNumber', '400.51'],
      ['products', '400.52'],
      ['consent', '400.53'],
    ]);
  });
  it('refuses what the security review stored: a 1,5 MB note, 20.000 products, a 5.000-character name, a forged date', () => {
    const problems = checkHousehold(
      sampleHousehold({
        headName: 'Hoàng'.repeat(1000),
        notes: 'x'.repeat(1_500_000),
        products: Array.from({ length: 20_000 }, () => ({ category: 'trai_cay', name: 'Na' })),
        registeredAt: '<script>99999-99-99',
      }),
    );
    expect(problems).toEqual([
      { field: 'headName', code: '400.56', message: 'Họ tên chủ hộ dài quá 100 ký tự.' },
      { field: 'notes', code: '400.56', message: 'Ghi chú dài quá 2000 ký tự.' },
      { field: 'products', code: '400.56', message: 'Mỗi hộ ghi tối đa 50 sản phẩm khi đăng ký.' },
      { field: 'registeredAt', code: '400.56', message: 'Ngày đăng ký không hợp lệ (xem lại ngày giờ của máy).' },
    ]);
  });
  it('takes each field up to its limit and not one character more', () => {
    expect(checkHousehold(sampleHousehold({ village: 'b'.repeat(100), shopName: 's'.repeat(120), notes: 'n'.repeat(2000), products: Array.from({ length: 50 }, () => ({ category: 'trai_cay', name: 'p'.repeat(200) })) }))).toEqual([]);
    expect(checkHousehold(sampleHousehold({ village: 'b'.repeat(101) })).map((p) => p.message)).toEqual(['Tên thôn/bản dài quá 100 ký tự.']);
    expect(checkHousehold(sampleHousehold({ shopName: 's'.repeat(121) })).map((p) => p.message)).toEqual(['Tên cửa hàng dài quá 120 ký tự.']);
    expect(checkHousehold(sampleHousehold({ products: [{ category: 'trai_cay', name: 'p'.repeat(201) }] })).map((p) => p.message)).toEqual(['Tên sản phẩm dài quá 200 ký tự.']);
    expect(checkHousehold(sampleHousehold({ traceability: 't'.repeat(501) })).map((p) => p.field)).toEqual(['traceability']);
  });
  it('takes a registration time only when it exists, from 2020 and not more than a day ahead', () => {
    const now = Date.parse('2026-12-01T08:00:00Z');
    expect(isRegistrationTime('2021-09-01T02:00:00.000Z', now)).toBe(true);
    expect(isRegistrationTime('2026-12-01T15:00:00+07:00', now)).toBe(true);
    expect(isRegistrationTime('2026-02-31T02:00:00.000Z', now)).toBe(false);
    expect(isRegistrationTime('2019-12-31T23:59:59.000Z', now)).toBe(false);
    expect(isRegistrationTime('2026-12-03T08:00:00.000Z', now)).toBe(false);
    expect(isRegistrationTime('99999-99-99T00:00:00Z', now)).toBe(false);
    expect(isRegistrationTime('2021-09-01', now)).toBe(false);
    // Empty: queued by an older tablet; the collector stamps its own time.
    expect(checkHousehold(sampleHousehold({ registeredAt: '' }))).toEqual([]);
  });
  it('drops control characters and bidirectional overrides on arrival, and folds line breaks in one-line fields', () => {
    const h = householdFrom({ ...sampleHousehold(), headName: 'Hoàng\u0000 Văn\u202E Thụ', village: 'Thôn\r\nBản\tCặp\u0007', notes: 'Dòng 1\nDòng 2\u001B[31m', products: [{ category: 'trai_cay', name: 'Na\u0085 Chi Lăng' }] });
    expect(h.headName).toBe('Hoàng Văn Thụ');
    expect(h.village).toBe('Thôn Bản Cặp');
    expect(h.notes).toBe('Dòng 1\nDòng 2[31m');
    expect(h.products).toEqual([{ category: 'trai_cay', name: 'Na Chi Lăng' }]);
  });
  it('marks an old CMND as a warning that does not block', () => {
    const h = sampleHousehold({ idNumber: '080123456' });
    expect(checkHousehold(h)).toHaveLength(1);
    expect(blockingProblems(h)).toEqual([]);
  });
  it('finds another household with the same phone or ID, whatever the spelling', () => {
    const keys = identityKeys(sampleHousehold({ phone: '+84912345678' }));
    const known = [
      { key: 'x', name: 'Nông Văn Dền', keys: identityKeys(sampleHousehold({ idNumber: '020190009999' })) },
      { key: 'y', name: 'Lò Thị Ca', keys: identityKeys(sampleHousehold({ phone: '0388123456' })) },
    ];
    expect(findDuplicates(keys, 'self', known)).toEqual([{ field: 'phone', name: 'Nông Văn Dền', key: 'x' }, { field: 'idNumber', name: 'Lò Thị Ca', key: 'y' }]);
    expect(findDuplicates(keys, 'x', known.slice(0, 1))).toEqual([]);
  });
  it('moves status forward with the hand-over facts', () => {
    expect(statusOf({ shopUrl: null, paymentOpenedAt: null, productsListedAt: null })).toBe('received');
    expect(statusOf({ shopUrl: 'https://langson.postmart.vn/shop/1', paymentOpenedAt: null, productsListedAt: null })).toBe('shop_opened');
    expect(statusOf({ shopUrl: 'u', paymentOpenedAt: 't', productsListedAt: null })).toBe('payment_opened');
    expect(statusOf({ shopUrl: 'u', paymentOpenedAt: 't', productsListedAt: 't' })).toBe('products_listed');
  });
});

import { retryDelaySeconds } from '../outbox-backoff';
describe('outbox backoff', () => {
  it('grows as 2^n − 1 seconds up to 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 8, 9, 20].map(retryDelaySeconds)).toEqual([0, 1, 3, 7, 15, 255, 300, 300]);
  });
});
