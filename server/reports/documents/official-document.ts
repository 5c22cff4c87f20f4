import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * A báo cáo in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4; margins top/bottom 20 mm, left 30 mm,
 * right 15 mm; Times New Roman. The header is a borderless two-column table: cơ quan chủ quản (upper case),
 * cơ quan ban hành (upper case, bold, a short rule under it) and "Số: …" on the left; Quốc hiệu (upper case,
 * bold, 13 pt) and Tiêu ngữ (bold, 14 pt, a rule under it) on the right, then the place and date in italics.
 * Then the kind of document (BÁO CÁO) and its trích yếu, bold and centred; "Kính gửi:"; the body (14 pt,
 * justified, first-line indent); the figures table (13 pt); Nơi nhận (12 pt bold italic, 11 pt lines) on the
 * left beside the signer's position (upper case, bold) and name (bold) on the right.
 */
export interface OfficialDocument {
  /** Cơ quan chủ quản, null when the issuing body has none above it in the header. */
  parentBody: string | null;
  issuer: string;
  /** "15/BC-SNV"; null prints "Số:        /BC-<symbol>" for the clerk to fill in. */
  docNumber: string | null;
  symbol: string;
  place: string;
  /** yyyy-mm-dd, Vietnam time. */
  date: string;
  /** Trích yếu: what the báo cáo is about. */
  subject: string;
  /** After "Kính gửi:". */
  to: string[];
  body: string[];
  table: { caption: string; columns: { header: string; align: 'left' | 'right' | 'center'; widthMm: number }[]; rows: string[][]; totals?: string[] };
  closing: string;
  /** Nơi nhận lines besides "Như trên" and "Lưu: VT". */
  recipients: string[];
  /** One line per position line ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). */
  signerPosition: string[];
  signerName: string;
}

const pt = (n: number) => n * 2; // docx sizes are half-points
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would lose a twip each way). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const grid = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function text(s: string, o: { size?: number; bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; rule?: boolean; after?: number; indent?: boolean } = {}) {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { after: o.after ?? 0, line: 276 },
    indent: o.indent ? { firstLine: mm(12.7) } : undefined,
    // The short rule under the issuing body and under the Tiêu ngữ.
    border: o.rule ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } : undefined,
    children: [new TextRun({ text: s, size: pt(o.size ?? 14), bold: o.bold, italics: o.italics })],
  });
}

/** "Lạng Sơn, ngày 05 tháng 10 năm 2021": days 1–9 and months 1–2 take a leading zero (NĐ 30, Phụ lục I). */
export function placeAndDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? `0${m}` : m} năm ${y}`;
}

function cell(children: Paragraph[], widthMm: number, borders: typeof noBorders | typeof grid = noBorders) {
  return new TableCell({ children, width: { size: mm(widthMm), type: WidthType.DXA }, borders, verticalAlign: VerticalAlign.TOP });
}

const usableWidthMm = 210 - 30 - 15;

function header(d: OfficialDocument) {
  const left = [
    ...(d.parentBody ? [text(d.parentBody.toUpperCase(), { size: 13 })] : []),
    text(d.issuer.toUpperCase(), { size: 13, bold: true, rule: true, after: 120 }),
    text(`Số: ${d.docNumber ?? `       /BC-${d.symbol}`}`, { size: 13 }),
  ];
  const right = [
    text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true }),
    text('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true, rule: true, after: 120 }),
    text(placeAndDate(d.place, d.date), { size: 14, italics: true }),
  ];
  return new Table({
    width: { size: mm(usableWidthMm), type: WidthType.DXA },
    columnWidths: [mm(65), mm(usableWidthMm - 65)],
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left, 65), cell(right, usableWidthMm - 65)] })],
  });
}

const alignOf = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

function figures(t: OfficialDocument['table']) {
  const row = (values: string[], bold: boolean) =>
    new TableRow({
      children: values.map((v, i) => cell([text(v, { size: 13, bold, align: alignOf[t.columns[i].align] })], t.columns[i].widthMm, grid)),
    });
  const head = new TableRow({ tableHeader: true, children: t.columns.map((c) => cell([text(c.header, { size: 13, bold: true })], c.widthMm, grid)) });
  return new Table({
    width: { size: mm(t.columns.reduce((s, c) => s + c.widthMm, 0)), type: WidthType.DXA },
    columnWidths: t.columns.map((c) => mm(c.widthMm)),
    borders: grid,
    rows: [head, ...t.rows.map((r) => row(r, false)), ...(t.totals ? [row(t.totals, true)] : [])],
  });
}

function signature(d: OfficialDocument) {
  const left = [
    new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', size: pt(12), bold: true, italics: true })] }),
    ...['Như trên;', ...d.recipients.map((r) => `${r.replace(/[;.]$/, '')};`), 'Lưu: VT.'].map(
      (r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: pt(11) })] }),
    ),
  ];
  const right = [
    ...d.signerPosition.map((p) => text(p.toUpperCase(), { size: 14, bold: true })),
    // Room for the signature and seal.
    ...[0, 1, 2, 3].map(() => text('', { size: 14 })),
    text(d.signerName, { size: 14, bold: true }),
  ];
  return new Table({
    width: { size: mm(usableWidthMm), type: WidthType.DXA },
    columnWidths: [mm(85), mm(usableWidthMm - 85)],
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left, 85), cell(right, usableWidthMm - 85)] })],
  });
}

export async function officialDocumentDocx(d: OfficialDocument): Promise<Buffer> {
  const doc = new Document({
    creator: d.issuer,
    title: `Báo cáo ${d.subject}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [
          header(d),
          text('', { after: 240 }),
          text('BÁO CÁO', { size: 14, bold: true }),
          text(d.subject, { size: 14, bold: true, rule: false, after: 240 }),
          text(`Kính gửi: ${d.to.join('; ')}.`, { size: 14, after: 240 }),
          ...d.body.map((p) => text(p, { align: AlignmentType.JUSTIFIED, indent: true, after: 120 })),
          text(d.table.caption, { size: 14, bold: true, after: 120 }),
          figures(d.table),
          text('', { after: 120 }),
          text(d.closing, { align: AlignmentType.JUSTIFIED, indent: true, after: 240 }),
          signature(d),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
