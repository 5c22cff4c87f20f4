import rules from './region/lang-son/vn-validation.json' with { type: 'json' };

/**
 * VietGAP certificate numbers come from many certification bodies, so any non-empty number is accepted;
 * one that does not look like "VietGAP-TT-13-09-20-0096" only gets a warning to double-check.
 */
export interface VietgapCheck {
  number: string;
  looksRight: boolean;
  warning: string | null;
}

const pattern = new RegExp(rules.vietgap.regexLenient, 'i');

export function checkVietgap(input: string): VietgapCheck | null {
  const number = input.trim().replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
  if (!number) return null;
  const looksRight = pattern.test(number);
  return { number, looksRight, warning: looksRight ? null : 'Số chứng nhận VietGAP không giống mẫu "VietGAP-TT-xx-xx-20-xxxx". Xin đối chiếu với giấy chứng nhận.' };
}
