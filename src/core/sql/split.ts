/** One statement of a script: its original text and the text with comments and literals blanked. */
export interface ScannedStatement {
  text: string;
  /** Upper-cased, comments removed, string literals as `''`, quoted identifiers as `""`. */
  code: string;
}

/**
 * Splits SQL text into statements at top-level `;`, ignoring `;` inside comments, string literals,
 * quoted identifiers and dollar-quoted strings. Blank statements are dropped. Throws on an unterminated
 * literal or comment.
 */
export function splitStatements(sql: string): ScannedStatement[] {
  const out: ScannedStatement[] = [];
  let start = 0;
  let code = '';
  let i = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end).trim();
    if (code.trim() !== '') out.push({ text, code: code.trim().toUpperCase().replace(/\s+/g, ' ') });
    code = '';
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
      code += ' ';
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new Error('unterminated /* comment');
      i = end + 2;
      code += ' ';
    } else if (c === "'" || c === '"') {
      i = skipQuoted(sql, i, c);
      code += c + c;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0] ?? '$$';
      const end = sql.indexOf(tag, i + tag.length);
      if (end === -1) throw new Error(`unterminated ${tag} string`);
      i = end + tag.length;
      code += "''";
    } else if (c === ';') {
      push(i);
      i += 1;
      start = i;
    } else {
      code += c;
      i += 1;
    }
  }
  push(sql.length);
  return out;
}

/** Index just past the closing quote; a doubled quote is an escaped one. */
function skipQuoted(sql: string, open: number, quote: string): number {
  let i = open + 1;
  for (;;) {
    const end = sql.indexOf(quote, i);
    if (end === -1) throw new Error(`unterminated ${quote === "'" ? 'string' : 'quoted identifier'}`);
    if (sql[end + 1] === quote) i = end + 2;
    else return end + 1;
  }
}
