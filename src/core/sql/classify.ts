import { splitStatements } from './split.ts';

/** How a statement may run: `read` always, `write` only in scratch mode (inside a rolled-back transaction). */
export type SqlKind = 'read' | 'write';

export type SqlClassification =
  { ok: true; kind: SqlKind; statements: string[] } | { ok: false; reason: string; statements: string[] };

const READ_LEADS = new Set([
  'SELECT',
  'WITH',
  'EXPLAIN',
  'DESCRIBE',
  'SHOW',
  'SUMMARIZE',
  'VALUES',
  'FROM',
  'PRAGMA',
]);
const WRITE_LEADS = new Set(['INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'MERGE']);
/**
 * Words refused anywhere in a statement, in every mode: they reach outside the page (files, network,
 * extensions, other databases) or change settings that outlive the scratch transaction. Transaction
 * control (BEGIN, COMMIT, ROLLBACK…) can only lead a statement, so the lead allowlist refuses it.
 */
const NEVER_WORDS = new Set([
  'COPY',
  'ATTACH',
  'DETACH',
  'INSTALL',
  'LOAD',
  'SET',
  'RESET',
  'SECRET',
  'EXPORT',
  'IMPORT',
]);
const PRAGMA_READ = /^PRAGMA (TABLE_INFO|SHOW_TABLES|SHOW_TABLES_EXPANDED|DATABASE_LIST)\b/;

function words(code: string): string[] {
  return code.match(/[A-Z_][A-Z0-9_$]*/g) ?? [];
}

function classifyOne(code: string): { kind: SqlKind } | { reason: string } {
  const ws = words(code);
  const lead = words(code.replace(/^[\s(]+/, ''))[0] ?? '';
  if (lead === 'PRAGMA') {
    return PRAGMA_READ.test(code)
      ? { kind: 'read' }
      : { reason: 'only PRAGMA table_info and show_tables are allowed' };
  }
  if (!READ_LEADS.has(lead) && !WRITE_LEADS.has(lead)) {
    return { reason: lead ? `${lead} statements are not allowed` : 'not a statement' };
  }
  const never = ws.find((w) => NEVER_WORDS.has(w) && !(w === 'SET' && ws.includes('UPDATE')));
  if (never) return { reason: `${never} is not allowed here (double-quote it if it is a column name)` };
  return { kind: WRITE_LEADS.has(lead) || ws.some((w) => WRITE_LEADS.has(w)) ? 'write' : 'read' };
}

/**
 * Classifies SQL typed by a user, after stripping comments and literals: `read` if every statement is
 * read-only (SELECT, WITH, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, VALUES, FROM-first, PRAGMA table_info),
 * `write` if some statement changes data (INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, TRUNCATE, MERGE),
 * and refused otherwise — transaction control, COPY, ATTACH, INSTALL, LOAD, SET and the like are never
 * allowed. A word like `delete` used as a column name must be double-quoted to pass.
 */
export function classifySql(text: string): SqlClassification {
  let scanned;
  try {
    scanned = splitStatements(text);
  } catch (e) {
    return { ok: false, reason: (e as Error).message, statements: [] };
  }
  const statements = scanned.map((s) => s.text);
  if (scanned.length === 0) return { ok: false, reason: 'nothing to run', statements };
  let kind: SqlKind = 'read';
  for (const [i, s] of scanned.entries()) {
    const c = classifyOne(s.code);
    if ('reason' in c) {
      const where = scanned.length > 1 ? ` (statement ${i + 1} of ${scanned.length})` : '';
      return { ok: false, reason: `${c.reason}${where}`, statements };
    }
    if (c.kind === 'write') kind = 'write';
  }
  return { ok: true, kind, statements };
}
