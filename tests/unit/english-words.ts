/**
 * Finds English words in text a person reads (issue 10 item 5: no English in the dashboards or exports). Two parts:
 * `uiStrings` pulls the strings a .tsx/.ts screen shows out of its syntax tree, and `englishWords` names the words
 * of a text that are on a hand-written list of English interface words.
 */
import ts from 'typescript';

/**
 * Common English interface words. Each is one that Vietnamese text does not contain written without diacritics
 * ("in" = print, "do" = because, "to" = big, "an", "ban", "hang" are Vietnamese and left out).
 */
export const denied = new Set(
  `sign signin signout login logout log loading loaded error errors failed failure success successful submit submitted
   agency agencies report reports download downloads export exports import total totals undo redo not save saved cancel
   delete deleted remove settings setting options retry close back next previous prev search filter yes no ok
   name username password account accounts user users province district commune household households period
   periods order orders item items amount date status pending approved rejected revoke revoked active inactive expired
   unknown none select choose confirm continue done the and or of for with your please invalid offline online
   edit update add new open view print copy upload send sent help home dashboard welcome warning info details summary
   participants participant people staff headcount tally quantity price shop shops product products code codes device
   devices photo photos tablet officer officers review reviewed excluded counted late missing overdue submit required
   first last page more less all any show hide refresh reload sync syncing synced queue queued`.split(/\s+/).filter(Boolean),
);

/** Technical tokens and names that stay as they are in Vietnamese text. */
export const allowed = new Set(['CSV', 'XLSX', 'URL', 'ID', 'PIN', 'VietGAP', 'OCOP', 'QR', 'PWA', 'HTTPS', 'HTTP', 'Excel', 'Word', 'Firefox', 'Chrome', 'Edge', 'Android', 'Zalo', 'JPEG', 'PNG', 'PDF', 'OK']);

/** The English interface words of a text, as written there. */
export function englishWords(text: string): string[] {
  // Words of letters (with diacritics) and apostrophes; "Sign-in" gives "Sign" and "in".
  const words = text.match(/[\p{L}']+/gu) ?? [];
  return words.filter((w) => !allowed.has(w) && denied.has(w.toLowerCase()));
}

/** Attributes whose value is for the browser or the code, never read by a person. */
const technicalAttributes = new Set([
  'class', 'className', 'type', 'href', 'src', 'id', 'key', 'name', 'role', 'rel', 'target', 'inputMode', 'autoComplete', 'autocomplete',
  'method', 'accept', 'pattern', 'lang', 'for', 'htmlFor', 'd', 'viewBox', 'fill', 'stroke', 'value', 'path', 'slug', 'capture', 'enterKeyHint',
  'aria-controls', 'aria-describedby', 'aria-labelledby', 'aria-live', 'aria-current', 'aria-sort', 'aria-hidden', 'form', 'dir', 'loading', 'decoding',
  'xmlns', 'strokeWidth', 'stroke-width', 'textAnchor', 'text-anchor', 'dominantBaseline', 'transform', 'points', 'preserveAspectRatio', 'spellcheck', 'spellCheck',
]);

/** Calls whose string arguments are for the code (selectors, events, paths, developer messages). */
const technicalCalls = /^(console\.\w+|Error|TypeError|RangeError|querySelector|querySelectorAll|getElementById|addEventListener|removeEventListener|setAttribute|getAttribute|removeAttribute|createElement|postMessage|matchMedia|import|require|useLoad|getJson|sendJson|apiFetch|fetch|request|get|call|open|readQuery|writeQuery|storage\.\w+|localStorage\.\w+|sessionStorage\.\w+|table|where|select|index|route|navigate|replaceState|pushState|defineItem|getItem|setItem|removeItem|getURL|toLocaleString|toLocaleDateString|Intl\.\w+|localeCompare|startsWith|endsWith|includes|split|join|replace|replaceAll|match|test|padStart|normalize|has|delete|set|toBe|addRow)$/;

/** A string that is an identifier, a path, a selector or a format, not words: lower case without spaces. */
const codeLike = /^[a-z0-9_.:/#?=&@%*+,;()[\]{}|^$\\<>!~'"`-]*$/;

/** The strings a screen shows: JSX text, attribute values people read, and other string literals that are not code. */
export function uiStrings(fileName: string, source: string): { text: string; line: number }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { text: string; line: number }[] = [];
  const add = (text: string, node: ts.Node) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t && !codeLike.test(t)) out.push({ text: t, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const calleeName = (call: ts.CallExpression | ts.NewExpression) => call.expression.getText(file).replace(/^.*\.(\w+)$/, (m, last: string) => (/^(console|storage|localStorage|sessionStorage|Intl)\./.test(m) ? m : last));

  function skipped(node: ts.Node): boolean {
    const parent = node.parent;
    if (!parent) return false;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent) || ts.isExternalModuleReference(parent)) return true;
    if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
    if (ts.isCaseClause(parent)) return true;
    if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(parent.operatorToken.kind)) return true;
    if (ts.isJsxAttribute(parent)) return technicalAttributes.has(parent.name.getText(file)) || parent.name.getText(file).startsWith('data-');
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) return technicalCalls.test(calleeName(parent));
    return false;
  }

  function visit(node: ts.Node, inSkipped: boolean) {
    const skip = inSkipped || skipped(node);
    if (ts.isJsxText(node)) add(node.text, node);
    else if (!skip && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) add(node.text, node);
    else if (!skip && ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      // `/api/…/${id}/limits` is a path in pieces; words around a value are read with the value as a space.
      if (!parts.every((p) => codeLike.test(p))) add(parts.join(' '), node);
    }
    // Inside a skipped part (a class attribute's expression, a call for the code) nothing is read.
    ts.forEachChild(node, (child) => visit(child, skip));
  }
  visit(file, false);
  return out;
}
