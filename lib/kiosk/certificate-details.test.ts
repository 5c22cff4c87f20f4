import { describe, expect, it } from 'vitest';
import { certificateProblems, expiryForInput, expiryFromInput, traceabilityAsNoted, vietgapAsNoted } from './certificate-details';
import { checkHousehold, householdFrom } from './household';
import { sampleHousehold } from './sample-household';

const today = '2026-12-01';

describe("the VietGAP certificate's issuing body and expiry, and the printed traceability code, as the kiosk notes them", () => {
  it('reads a typed expiry as a day when it is one (slashes, dots or dashes), keeps anything else as typed', () => {
    expect(expiryFromInput('30/06/2027')).toBe('2027-06-30');
    expect(expiryFromInput(' 1/7/2027 ')).toBe('2027-07-01');
    expect(expiryFromInput('30.06.2027')).toBe('2027-06-30');
    expect(expiryFromInput('30-06-2027')).toBe('2027-06-30');
    expect(expiryFromInput('31/02/2027')).toBe('31/02/2027');
    expect(expiryFromInput('30/06/27')).toBe('30/06/27');
    expect(expiryFromInput('  ')).toBeNull();
    expect(expiryForInput('2027-06-30')).toBe('30/06/2027');
    expect(expiryForInput('31/02/2027')).toBe('31/02/2027');
    expect(expiryForInput(null)).toBe('');
  });

  it('refuses a day that does not exist, and flags one already past without refusing it', () => {
    expect(certificateProblems({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapExpiresOn: '31/02/2027' }, today)).toEqual([
      { field: 'vietgapExpiresOn', code: '400.56', message: 'Ngày hết hạn không đúng: ghi một ngày có thật, ngày/tháng/năm, ví dụ 30/06/2027.' },
    ]);
    expect(certificateProblems({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapExpiresOn: '2026-11-30' }, today)).toEqual([
      { field: 'vietgapExpiresOn', code: '400.56', message: 'Giấy chứng nhận đã hết hạn (hạn đến 30/11/2026). Vẫn ghi lại được, nhưng Sở NN&PTNT chỉ xác minh giấy còn hạn.', warning: true },
    ]);
    // Valid through its last day.
    expect(certificateProblems({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapExpiresOn: '2026-12-01' }, today)).toEqual([]);
  });

  it('needs the certificate number once its issuing body or expiry is noted; bounds each field', () => {
    expect(certificateProblems({ vietgap: null, vietgapIssuer: 'QUACERT' }, today)).toEqual([
      { field: 'vietgap', code: '400.52', message: 'Đã ghi tổ chức cấp hoặc ngày hết hạn: cần ghi cả số chứng nhận VietGAP.' },
    ]);
    expect(certificateProblems({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapIssuer: 'q'.repeat(200), traceabilityCode: 'm'.repeat(500) }, today)).toEqual([]);
    expect(certificateProblems({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapIssuer: 'q'.repeat(201), traceabilityCode: 'm'.repeat(501) }, today).map((p) => p.message)).toEqual([
      'Tên tổ chức cấp dài quá 200 ký tự.',
      'Mã truy xuất nguồn gốc dài quá 500 ký tự.',
    ]);
  });

  it('the household check carries them: an expired certificate is a warning only, a wrong day blocks', () => {
    const expired = checkHousehold(sampleHousehold({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapExpiresOn: '2020-06-30' }), today);
    expect(expired.map((p) => [p.field, p.warning ?? false])).toEqual([['vietgapExpiresOn', true]]);
    expect(checkHousehold(sampleHousehold({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapExpiresOn: '30/06/20' }), today).map((p) => [p.field, p.code])).toEqual([['vietgapExpiresOn', '400.56']]);
  });

  it("an old tablet's household (no such fields) reads exactly as before; an upgraded tablet's empty fields read the same", () => {
    const { vietgapIssuer: _i, vietgapExpiresOn: _e, traceabilityCode: _c, ...old } = sampleHousehold({ vietgap: 'VietGAP-TT-13-09-20-0096' });
    expect(Object.keys(householdFrom(old))).not.toContain('vietgapIssuer');
    expect(JSON.stringify(householdFrom({ ...old, vietgapIssuer: null, vietgapExpiresOn: '', traceabilityCode: '  ' }))).toBe(JSON.stringify(householdFrom(old)));
    expect(householdFrom({ ...old, vietgapIssuer: ' Trung tâm  Chứng nhận\nphù hợp ', vietgapExpiresOn: '2027-06-30', traceabilityCode: 'VN-LSOR-0012' })).toMatchObject({
      vietgapIssuer: 'Trung tâm Chứng nhận phù hợp',
      vietgapExpiresOn: '2027-06-30',
      traceabilityCode: 'VN-LSOR-0012',
    });
  });

  it('says what the kiosk noted in one line, for the department and the hand-over file', () => {
    expect(vietgapAsNoted({ vietgap: 'VietGAP-TT-13-09-20-0096', vietgapIssuer: 'QUACERT', vietgapExpiresOn: '2027-06-30' })).toBe('VietGAP-TT-13-09-20-0096, cấp bởi QUACERT, hạn đến 30/06/2027');
    expect(vietgapAsNoted({ vietgap: 'VietGAP-TT-13-09-20-0096' })).toBe('VietGAP-TT-13-09-20-0096');
    expect(vietgapAsNoted({ vietgap: null, vietgapIssuer: 'QUACERT' })).toBeNull();
    expect(traceabilityAsNoted({ traceability: 'Tem QR của HTX', traceabilityCode: 'VN-LSOR-0012' })).toBe('Tem QR của HTX, mã VN-LSOR-0012');
    expect(traceabilityAsNoted({ traceability: null, traceabilityCode: 'VN-LSOR-0012' })).toBe('mã VN-LSOR-0012');
    expect(traceabilityAsNoted({ traceability: null })).toBeNull();
  });
});
