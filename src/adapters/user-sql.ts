import { classifySql } from '../core/sql/classify.ts';
import { arrowToRows } from './arrow-rows.ts';
import { QueryError, SqlRefusedError, messageOf } from './errors.ts';
import type { RawConnection } from './raw-connection.ts';

/** Result of user SQL: the last statement's rows and column names. */
export interface UserSqlResult {
  columns: string[];
  rows: Record<string, unknown>[];
  /** Statements run. */
  statements: number;
  /** True when the statements ran in scratch mode and were rolled back. */
  rolledBack: boolean;
}

/**
 * Runs SQL typed by a user on a dedicated connection. Every run is wrapped in `BEGIN TRANSACTION … ROLLBACK`,
 * so nothing persists; read-only mode (the default) additionally refuses writes up front, scratch mode lets
 * them run against the transaction. Refusals throw SqlRefusedError, failures QueryError naming the statement.
 */
export async function runUserSql(
  conn: RawConnection,
  text: string,
  scratch: boolean,
): Promise<UserSqlResult> {
  const c = classifySql(text);
  if (!c.ok) throw new SqlRefusedError(`Refused: ${c.reason}.`);
  if (c.kind === 'write' && !scratch) {
    throw new SqlRefusedError(
      'Refused: the SQL box is read-only (SELECT, WITH, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, VALUES, FROM). ' +
        'Turn on scratch mode to try writes in a transaction that is rolled back.',
    );
  }
  await conn.run('BEGIN TRANSACTION');
  try {
    let last = null;
    for (const sql of c.statements) {
      try {
        last = await conn.run(sql);
      } catch (e) {
        throw new QueryError(sql, messageOf(e), { cause: e });
      }
    }
    const columns = last ? last.schema.fields.map((f) => f.name) : [];
    const rows = last ? arrowToRows<Record<string, unknown>>(last) : [];
    return { columns, rows, statements: c.statements.length, rolledBack: c.kind === 'write' };
  } finally {
    await conn.run('ROLLBACK').catch(() => undefined);
  }
}
