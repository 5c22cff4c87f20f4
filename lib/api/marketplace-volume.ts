/**
 * The marketplaces' own volume, as their operators report it to the province (issue 13, item 3): Viettel Post runs
 * langson.voso.vn, Bưu điện tỉnh (VNPost) runs langson.postmart.vn. Sở TT&TT types each report in (a day's or a
 * week's tonnes, with where the figure came from) and reads it against the aim of about 10 tấn/ngày; the staff
 * purchases the extension counts are shown beside it as the small part they are. Shapes shared by the collector
 * (server/api/province/marketplace-volume.ts) and the dashboard.
 */
import * as v from 'valibot';
import { clientId, isoDate, typedText } from './fields';
import { marketplaces, type Marketplace } from '../marketplaces/hosts';

/** Who reports each marketplace's volume. */
export const operatorOf: Record<Marketplace, string> = { voso: 'Viettel Post (langson.voso.vn)', postmart: 'Bưu điện tỉnh (langson.postmart.vn)' };

/** A report covers one day or one week (seven days from its first day). */
export const volumeSpans = ['day', 'week'] as const;
export type VolumeSpan = (typeof volumeSpans)[number];
export const spanDays: Record<VolumeSpan, number> = { day: 1, week: 7 };

/** Largest report accepted: 10.000 tonnes in one day or week is a typing slip (the aim is 10 a day). */
export const maxTonnes = 10_000;

/** POST /api/province/marketplace-volume */
export const volumeReportRequest = v.object({
  id: clientId('Mã dòng số liệu (id) gồm 8–64 chữ, số, gạch ngang.'),
  marketplace: v.picklist(marketplaces, 'Chọn sàn: langson.voso.vn (Viettel Post) hoặc langson.postmart.vn (Bưu điện tỉnh).'),
  span: v.picklist(volumeSpans, 'Chọn số liệu theo ngày hoặc theo tuần.'),
  startsOn: isoDate('Ngày (hoặc ngày đầu tuần) không đúng; nhập theo dạng dd/mm/yyyy.'),
  tonnes: v.pipe(
    v.number('Khối lượng là một số tấn, ví dụ 8,5.'),
    v.minValue(0, 'Khối lượng không được âm.'),
    v.maxValue(maxTonnes, `Khối lượng quá lớn (tối đa ${maxTonnes.toLocaleString('de-DE')} tấn một dòng); kiểm tra lại đơn vị là tấn.`),
    v.check((t) => Math.abs(t * 1000 - Math.round(t * 1000)) < 1e-6, 'Khối lượng ghi tối đa 3 chữ số thập phân (đến kg).'),
  ),
  source: typedText(3, 300, 'Ghi nguồn số liệu (3–300 ký tự), ví dụ "Báo cáo tuần của Viettel Post ngày 06/09/2021".'),
});
export type VolumeReportRequest = v.InferInput<typeof volumeReportRequest>;

/** One report as the collector keeps it (tonnes to the kg). */
export const volumeReportSchema = v.object({
  id: v.string(),
  marketplace: v.picklist(marketplaces),
  span: v.picklist(volumeSpans),
  startsOn: v.string(),
  /** The report's last day (startsOn for a day, six days later for a week). */
  endsOn: v.string(),
  tonnes: v.number(),
  source: v.string(),
  recordedBy: v.string(),
  recordedAt: v.string(),
});
export type VolumeReport = v.InferOutput<typeof volumeReportSchema>;

/** One day of GET /api/province/marketplace-volume. */
export const volumeDaySchema = v.object({
  date: v.string(),
  /** Tonnes the marketplaces reported for the day (a week's report counts a seventh on each of its days); null: none reported. */
  tonnes: v.nullable(v.number()),
  /** Marketplaces whose reports cover the day: one of two means the day's figure is partial. */
  marketplaces: v.array(v.picklist(marketplaces)),
  /** Staff purchases counted that day (kg, estimated from the items' weights). */
  staffKg: v.number(),
});
export type VolumeDay = v.InferOutput<typeof volumeDaySchema>;

/** GET /api/province/marketplace-volume answer. */
export const volumeAnswerSchema = v.object({
  scope: v.object({ from: v.string(), to: v.string(), label: v.string() }),
  aimTonnesPerDay: v.number(),
  reports: v.array(volumeReportSchema),
  days: v.array(volumeDaySchema),
});
export type VolumeAnswer = v.InferOutput<typeof volumeAnswerSchema>;

/** DELETE /api/province/marketplace-volume/:id answer. */
export const volumeDeletedSchema = v.object({ id: v.string() });
