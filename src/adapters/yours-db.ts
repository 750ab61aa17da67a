/**
 * Your visible imported rows in the page's database: the table `yours` (the snapshot's measurement schema)
 * and the view `measurements_all` (core/sql/yours.ts). Arrow in, so 100k rows load in one insert; the
 * Arrow table is built by hand (about 10× faster than apache-arrow's builders on these repetitive rows).
 */
import { Float64, Int32, makeData, makeVector, Table, Utf8, type Vector } from 'apache-arrow';
import { MEASUREMENT_COLUMNS, type Columns } from '../core/catalog/columns.ts';
import type { MeasurementRow } from '../core/catalog/schema.ts';
import { YOURS_TABLE, yoursSchemaSql } from '../core/sql/yours.ts';
import { runChecked, type RawConnection } from './raw-connection.ts';

/** Creates `yours` when missing and the `measurements_all` view; safe to run again. */
export async function ensureYoursSchema(conn: RawConnection): Promise<void> {
  for (const sql of yoursSchemaSql()) await runChecked(conn, sql);
}

/** A validity bitmap (Arrow: bit set = present) for the values of one column. */
function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { bitmap, nulls };
}

/** A Utf8 vector built by hand: each distinct text encoded once (apache-arrow's builder encodes every cell). */
function utf8Vector(values: readonly unknown[]) {
  const encoder = new TextEncoder();
  const memo = new Map<string, Uint8Array>();
  const parts: Uint8Array[] = [];
  const offsets = new Int32Array(values.length + 1);
  let total = 0;
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) {
      const text = String(v);
      let b = memo.get(text);
      if (!b) memo.set(text, (b = encoder.encode(text)));
      parts.push(b);
      total += b.length;
    }
    offsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  let at = 0;
  for (const b of parts) {
    data.set(b, at);
    at += b.length;
  }
  const { bitmap, nulls } = validity(values);
  return makeVector(
    makeData({
      type: new Utf8(),
      length: values.length,
      nullCount: nulls,
      nullBitmap: bitmap,
      valueOffsets: offsets,
      data,
    }),
  );
}

function numberVector(values: readonly unknown[], integer: boolean) {
  const { bitmap, nulls } = validity(values);
  const base = { length: values.length, nullCount: nulls, nullBitmap: bitmap };
  const fill = <A extends Int32Array | Float64Array>(data: A) => {
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) data[i] = Number(v);
    });
    return data;
  };
  return integer
    ? makeVector(makeData({ type: new Int32(), ...base, data: fill(new Int32Array(values.length)) }))
    : makeVector(makeData({ type: new Float64(), ...base, data: fill(new Float64Array(values.length)) }));
}

/**
 * Rows as a typed Arrow table in a schema (VARCHAR → Utf8, DOUBLE → Float64, INTEGER → Int32). Throws,
 * naming the column and row, on a null in a NOT NULL column.
 */
export function columnsToArrow<T>(columns: Columns<T>, rows: readonly T[]): Table {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const values = rows.map((r) => r[c.name] as unknown);
    if (!c.nullable) {
      const i = values.findIndex((v) => v === null || v === undefined);
      if (i >= 0) throw new Error(`column ${c.name}, row ${i + 1}: null in a NOT NULL column`);
    }
    vectors[c.name] = c.type === 'VARCHAR' ? utf8Vector(values) : numberVector(values, c.type === 'INTEGER');
  }
  return new Table(vectors);
}

/** Rows as a typed Arrow table in the measurement schema. */
export const rowsToArrow = (rows: readonly MeasurementRow[]): Table =>
  columnsToArrow(MEASUREMENT_COLUMNS, rows);

/**
 * Replaces the rows of `yours` with `rows`, in one transaction: on any failure the table keeps what it held.
 * Returns the rows now in the table.
 */
export async function syncYoursRows(conn: RawConnection, rows: readonly MeasurementRow[]): Promise<number> {
  await ensureYoursSchema(conn);
  const arrow = rows.length ? rowsToArrow(rows) : null;
  await runChecked(conn, 'BEGIN TRANSACTION');
  try {
    await runChecked(conn, `DELETE FROM ${YOURS_TABLE}`);
    if (arrow) await conn.insertArrow(arrow, YOURS_TABLE);
    await runChecked(conn, 'COMMIT');
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return rows.length;
}
