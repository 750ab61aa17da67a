import { Float64, Int32, Table, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { ColumnType, Columns } from '../core/catalog/columns.ts';

const ARROW_TYPE: Record<ColumnType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  DOUBLE: () => new Float64(),
  INTEGER: () => new Int32(),
};

function coerce(value: unknown, type: ColumnType): string | number | null {
  if (value === null || value === undefined) return null;
  if (type === 'VARCHAR') return typeof value === 'string' ? value : String(value);
  const n = typeof value === 'bigint' ? Number(value) : Number(value);
  if (Number.isNaN(n) && typeof value !== 'number') throw new Error(`not a number: ${String(value)}`);
  return n;
}

/**
 * Builds a typed Arrow table from column arrays, one per catalog column (VARCHAR → Utf8, DOUBLE → Float64,
 * INTEGER → Int32). Throws, naming the column, on a missing column, a wrong length, a non-numeric value
 * in a numeric column or a null in a NOT NULL column.
 */
export function columnsToArrow<T>(
  columns: Columns<T>,
  data: Record<string, ArrayLike<unknown>>,
  numRows: number,
) {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const raw = data[c.name];
    if (!raw) throw new Error(`missing column ${c.name}`);
    if (raw.length !== numRows)
      throw new Error(`column ${c.name} has ${raw.length} values, expected ${numRows}`);
    const values = new Array<string | number | null>(numRows);
    for (let i = 0; i < numRows; i++) {
      let v;
      try {
        v = coerce(raw[i], c.type);
      } catch (e) {
        throw new Error(`column ${c.name}, row ${i + 1}: ${(e as Error).message}`, { cause: e });
      }
      if (v === null && !c.nullable)
        throw new Error(`column ${c.name}, row ${i + 1}: null in a NOT NULL column`);
      values[i] = v;
    }
    vectors[c.name] = vectorFromArray(values, ARROW_TYPE[c.type]());
  }
  return new Table(vectors);
}
