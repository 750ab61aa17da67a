import { describe, expect, it } from 'vitest';
import { classifySql } from './classify.ts';
import { splitStatements } from './split.ts';

const kind = (sql: string) => {
  const c = classifySql(sql);
  return c.ok ? c.kind : 'refused';
};

describe('splitStatements', () => {
  it('splits at top-level semicolons only', () => {
    const s = splitStatements(`SELECT ';' AS a; -- x;y\nSELECT "a;b" /* ; */ FROM t;;  `);
    expect(s.map((x) => x.text)).toEqual([`SELECT ';' AS a`, `-- x;y\nSELECT "a;b" /* ; */ FROM t`]);
    expect(s[1]?.code).toBe(`SELECT "" FROM T`);
  });

  it('handles escaped quotes and dollar strings', () => {
    expect(splitStatements(`SELECT 'it''s; fine', $$a;b$$, $x$;$x$`)).toHaveLength(1);
  });

  it('throws on unterminated literals and comments', () => {
    expect(() => splitStatements(`SELECT 'abc`)).toThrow(/unterminated string/);
    expect(() => splitStatements(`SELECT /* abc`)).toThrow(/unterminated/);
  });
});

describe('classifySql', () => {
  it.each([
    'SELECT 1',
    "select * from measurements where model_id ilike '%delete%'",
    'WITH x AS (SELECT 1) SELECT * FROM x',
    'EXPLAIN SELECT 1',
    'DESCRIBE measurements',
    'SHOW TABLES',
    'SUMMARIZE hardware',
    "PRAGMA table_info('measurements')",
    'VALUES (1), (2)',
    'FROM measurements LIMIT 3',
    '(SELECT 1) UNION (SELECT 2)',
    'SELECT 1; SELECT 2;',
    'SELECT "commit", "delete" FROM sources',
    '-- DROP TABLE x\nSELECT 1 /* DELETE */',
    'SELECT update_count, deleted FROM t',
  ])('read: %s', (sql) => expect(kind(sql)).toBe('read'));

  it.each([
    'DELETE FROM measurements',
    'update hardware set memory_gb = 1',
    'INSERT INTO t VALUES (1) ON CONFLICT DO UPDATE SET a = 1',
    'CREATE TABLE t AS SELECT 1',
    'DROP TABLE measurements',
    'ALTER TABLE hardware ADD COLUMN x INT',
    'TRUNCATE measurements',
    'WITH x AS (SELECT 1) DELETE FROM measurements',
    'EXPLAIN ANALYZE DELETE FROM measurements',
    'SELECT 1; DELETE FROM measurements',
  ])('write: %s', (sql) => expect(kind(sql)).toBe('write'));

  it.each([
    '',
    '  ;  -- nothing',
    'BEGIN TRANSACTION',
    'DELETE FROM measurements; COMMIT',
    'ROLLBACK',
    "COPY measurements TO 'x.csv'",
    "ATTACH 'x.db'",
    'INSTALL httpfs',
    'LOAD httpfs',
    'SET threads = 1',
    'PRAGMA enable_profiling',
    "CREATE SECRET s (TYPE s3, KEY_ID 'x')",
    "EXPORT DATABASE 'x'",
    'CHECKPOINT',
    'CALL dbgen(sf = 1)',
    'USE memory',
    "SELECT 'unterminated",
    "SELECT 1; DROP TABLE t; COPY t TO 'f'",
  ])('refused: %s', (sql) => expect(kind(sql)).toBe('refused'));

  it('explains refusals and returns the statements', () => {
    const c = classifySql("SELECT 1; ATTACH 'x'");
    expect(c).toMatchObject({ ok: false, statements: ['SELECT 1', "ATTACH 'x'"] });
    expect(!c.ok && c.reason).toBe('ATTACH statements are not allowed (statement 2 of 2)');
    expect(classifySql('SELECT 1;\nSELECT 2')).toEqual({
      ok: true,
      kind: 'read',
      statements: ['SELECT 1', 'SELECT 2'],
    });
  });
});
