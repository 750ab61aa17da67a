import { DataType, util, type Table } from 'apache-arrow';

/** Plain JS value of one Arrow cell: BigInt → number, decimals scaled, nested values via toJSON. */
function plain(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (DataType.isDecimal(type)) {
    return util.bigNumToNumber(value as unknown as Parameters<typeof util.bigNumToNumber>[0], type.scale);
  }
  if (typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function') {
    return JSON.parse(
      JSON.stringify(value.toJSON(), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
    );
  }
  return value;
}

/** Converts an Arrow result to plain row objects, so nothing above the adapters touches Arrow. */
export function arrowToRows<T>(table: Table): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => table.getChildAt(i));
  const rows: Record<string, unknown>[] = new Array<Record<string, unknown>>(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      row[f.name] = plain(columns[i]?.get(r), f.type);
    });
    rows[r] = row;
  }
  return rows as T[];
}
