import { Readable, type Duplex } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/**
 * The rows of an uploaded sheet, XLSX (ExcelJS's streaming reader) or CSV (papaparse's Node stream mode, comma or
 * semicolon), numbered as in the file, one at a time: a caller that stops at its row cap never holds the rest. Used
 * by the kiosk's hand-over results and the operators' lists. Throws on a file that is neither.
 */
export async function* sheetRows(source: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<{ n: number; cells: string[] }> {
  let head: Uint8Array;
  let rest: Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  if (source instanceof Uint8Array) {
    head = source;
    rest = [source];
  } else {
    const iterator = source[Symbol.asyncIterator]();
    const first = await iterator.next();
    head = first.done ? new Uint8Array() : first.value;
    rest = restOf(head, iterator);
  }
  // The first bytes say which format: "PK" is a zip (XLSX).
  let read = 0;
  for await (const row of head[0] === 0x50 && head[1] === 0x4b ? xlsxRows(rest) : csvRows(rest)) {
    if (++read % rowsPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
    yield row;
  }
}

/**
 * Rows read between two turns of the event loop. The parsers' streams and the async iteration over them run on
 * microtasks and process.nextTick, which never let I/O in: without these turns the 5.000 rows of a maximal hand-over
 * file were read in one stretch (70 ms of CPU on the build machine, seconds of wall time when the machine is loaded)
 * while /api/health and the tablets waited.
 */
const rowsPerTurn = 250;

async function* restOf(head: Uint8Array, iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (head.length) yield head;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

/**
 * Pieces the parsers are fed: between pieces, other requests (health, tablets) run. Small on purpose: papaparse's
 * stream pauses whenever its reader falls 16 rows behind and then re-slices the rest of the current piece, so the
 * cost grows with rows × piece length (64 KB pieces of short rows took 3 s to reach the row cap; 1 KB, 0,1 s).
 */
const pieceBytes = 1024;

function* pieces(whole: Buffer): Generator<Buffer> {
  for (let i = 0; i < whole.length; i += pieceBytes) yield whole.subarray(i, i + pieceBytes);
}

async function* rePiece(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const chunk of source) yield* pieces(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
}

/**
 * The first worksheet's rows. It reads what each cell shows: a link labelled otherwise than its address comes back
 * as its label (the sheet's links are listed after its rows).
 */
async function* xlsxRows(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<{ n: number; cells: string[] }> {
  const reader = new Utf8SafeWorkbookReader(Readable.from(rePiece(source)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // Columns as they are in the file: staff may have moved or added some.
      yield { n: row.number, cells: Array.from((row.values as unknown[]).slice(1), cellText) };
    }
    return; // the first sheet only
  }
}

/**
 * ExcelJS's streaming reader decodes each inflated piece of XML on its own (utils/parse-sax.js), so a Vietnamese
 * letter whose bytes straddle two pieces comes out as "�" ("Số m���t hàng"). Shared strings and worksheets are
 * handed to it as text decoded across piece boundaries instead; it passes text through untouched.
 */
class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(...args: ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>) {
    super(...args);
    const self = this as unknown as {
      _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
      _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown>;
    };
    const sharedStrings = self._parseSharedStrings.bind(this);
    const worksheet = self._parseWorksheet.bind(this);
    self._parseSharedStrings = (entry) => {
      entry.setEncoding('utf8');
      return sharedStrings(entry);
    };
    self._parseWorksheet = (iterator, sheetNo) => worksheet(utf8Text(iterator), sheetNo);
  }
}

async function* utf8Text(pieces: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const piece of pieces) yield typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Longest CSV line read: a household's row is a few hundred characters. */
export const maxLineChars = 64 * 1024;

/** CSV rows; the separator is the one the header line uses most. UTF-8, with or without BOM. */
async function* csvRows(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<{ n: number; cells: string[] }> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parser: Duplex = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: detectDelimiter, quoteChar: '"' });
  async function* text(): AsyncGenerator<string> {
    let started = false;
    let lineChars = 0;
    for await (const piece of rePiece(source)) {
      let s = decoder.decode(piece, { stream: true });
      if (!started) {
        s = s.replace(/^\uFEFF/, '');
        started = s.length > 0;
      }
      // papaparse parses a line that has not ended again with every piece: one endless line would cost
      // length² (32 MB of it held the collector for minutes). No sheet's row is that long: refuse it.
      const lastBreak = s.lastIndexOf('\n');
      lineChars = lastBreak < 0 ? lineChars + s.length : s.length - lastBreak - 1;
      if (lineChars > maxLineChars) throw new Error('line too long');
      if (s) yield s;
    }
    const end = decoder.decode();
    if (end) yield end;
  }
  const input = Readable.from(text());
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let n = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { n: ++n, cells };
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/**
 * papaparse asks with the first piece of text: of ';' and ',', the one the busiest of the first lines uses most
 * (an operator's list may start with a title line that has neither).
 */
function detectDelimiter(sample: string): string {
  const count = (line: string, ch: string) => line.split(ch).length - 1;
  const lines = sample.split(/\r?\n/).slice(0, 5);
  const busiest = lines.reduce((best, line) => (Math.max(count(line, ';'), count(line, ',')) > Math.max(count(best, ';'), count(best, ',')) ? line : best), '');
  return count(busiest, ';') > count(busiest, ',') ? ';' : ',';
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const o = v as { text?: unknown; hyperlink?: unknown; result?: unknown; richText?: { text: string }[] };
    if (typeof o.hyperlink === 'string') return o.hyperlink;
    if (typeof o.text === 'string') return o.text;
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return String(o.result);
  }
  return String(v);
}
