import JSZip from 'jszip';

/**
 * The paragraphs of a .docx as plain text, for tests: a docx is a zip, its body is word/document.xml, and each
 * <w:p> holds runs whose text is in <w:t>. Also the page setup (size and margins, twips) and the fonts used.
 */
export async function readDocx(body: ArrayBuffer | Uint8Array) {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
  const attr = (tag: string, name: string) => Number(new RegExp(`<w:${tag} [^>]*w:${name}="(\\d+)"`).exec(xml)?.[1]);
  return {
    paragraphs: paragraphs.filter((p) => p !== ''),
    text: paragraphs.join('\n'),
    page: { width: attr('pgSz', 'w'), height: attr('pgSz', 'h'), top: attr('pgMar', 'top'), bottom: attr('pgMar', 'bottom'), left: attr('pgMar', 'left'), right: attr('pgMar', 'right') },
    fonts: [...new Set([...`${styles}${xml}`.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))],
    /** Run sizes in points. */
    sizes: [...new Set([...xml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2))].sort((a, b) => a - b),
  };
}
