/**
 * Catalog rows as a Parquet file (hyparquet-writer, Snappy), with the column types and nullability of
 * columns.ts: VARCHAR → STRING, DOUBLE → DOUBLE, INTEGER → INT32, NOT NULL → required.
 */
import { parquetWriteBuffer, type BasicType } from 'hyparquet-writer';
import type { ColumnType, Columns } from '../core/catalog/columns.ts';

const PARQUET_TYPE: Record<ColumnType, BasicType> = {
  VARCHAR: 'STRING',
  DOUBLE: 'DOUBLE',
  INTEGER: 'INT32',
};

/**
 * Writes `rows` as one Parquet file. Throws, naming the column and row, on a null in a NOT NULL column or a
 * value of the wrong type, so nothing half-typed is written.
 */
export function rowsToParquet<T>(columns: Columns<T>, rows: readonly T[]): ArrayBuffer {
  const columnData = columns.map((c) => {
    const data = rows.map((r, i) => {
      const v = (r as Record<string, unknown>)[c.name] ?? null;
      const where = `column ${c.name}, row ${i + 1}`;
      if (v === null) {
        if (!c.nullable) throw new Error(`${where}: null in a NOT NULL column`);
        return null;
      }
      if (c.type === 'VARCHAR') {
        if (typeof v !== 'string') throw new Error(`${where}: expected text, got ${typeof v}`);
        return v;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where}: expected a number`);
      if (c.type === 'INTEGER' && !Number.isInteger(v)) throw new Error(`${where}: expected an integer`);
      return v;
    });
    return { name: c.name, data, type: PARQUET_TYPE[c.type], nullable: c.nullable };
  });
  return parquetWriteBuffer({ columnData, createdBy: 'rooflight' });
}
