// Reads an inline `var product = {...};` object from the page's scripts (voso puts its product there).
// A linear scan for the matching brace, aware of strings; JSON.parse does the rest.

const MAX_SCRIPT = 2_000_000;

function objectAt(src: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return src.slice(start, i + 1);
  }
  return null;
}

export function inlineObject(doc: Document, name: string): Record<string, unknown> | null {
  const declaration = new RegExp(String.raw`(?:\bvar|\blet|\bconst|window\.)\s*${name}\s*=\s*\{`);
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const src = script.textContent ?? '';
    if (src.length > MAX_SCRIPT || !src.includes(name)) continue;
    const m = declaration.exec(src);
    if (!m) continue;
    const json = objectAt(src, m.index + m[0].length - 1);
    if (!json) continue;
    try {
      const value = JSON.parse(json);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // Not JSON (a JavaScript literal): other strategies read the page.
    }
  }
  return null;
}
