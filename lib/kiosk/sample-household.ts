import type { SubmittedHousehold } from './household';

/** A valid household for tests and benches: callers override what they need (ids, names, phones). */
export const sampleHousehold = (over: Partial<SubmittedHousehold> = {}): SubmittedHousehold => ({
  clientId: '6f1c1f0e-2d7b-4c1e-9a56-0c7b2f1d3e4a',
  communeCode: '06181',
  village: 'Thôn Bản Cặp',
  headName: 'Hoàng Văn Thụ',
  phone: '0912 345 678',
  idNumber: '020190001234',
  marketplace: 'postmart',
  shopName: 'Na Chi Lăng nhà Thụ',
  payment: 'postpay',
  hasPaymentAccount: false,
  products: [{ category: 'trai_cay', name: 'Na Chi Lăng loại 1' }],
  vietgap: null,
  ocopStars: null,
  traceability: null,
  notes: '',
  consent: true,
  registeredAt: '2021-09-01T02:00:00.000Z',
  officerName: 'Lý Thị Mai',
  ...over,
});
