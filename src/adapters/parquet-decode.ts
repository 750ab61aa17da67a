import { parquetMetadata, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Table } from 'apache-arrow';
import type { Columns } from '../core/catalog/columns.ts';
import { columnsToArrow } from './arrow-table.ts';
import { SnapshotLoadError, messageOf } from './errors.ts';

/**
 * Decodes a (zstd) Parquet file with hyparquet into a typed Arrow table with the catalog's columns.
 * Throws SnapshotLoadError naming `file` when the bytes are not Parquet or the columns do not match.
 */
export async function parquetToArrow<T>(
  file: string,
  bytes: ArrayBuffer,
  columns: Columns<T>,
): Promise<Table> {
  let numRows: number;
  let metadata;
  try {
    metadata = parquetMetadata(bytes);
    numRows = Number(metadata.num_rows);
  } catch (e) {
    throw new SnapshotLoadError(file, `not a readable Parquet file (${messageOf(e)})`, { cause: e });
  }
  const present = new Set(metadata.schema.slice(1).map((s) => s.name));
  const missing = columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length) throw new SnapshotLoadError(file, `missing column(s) ${missing.join(', ')}`);

  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c.name] = new Array<unknown>(numRows);
  try {
    await parquetRead({
      file: bytes,
      metadata,
      columns: columns.map((c) => c.name),
      compressors,
      onChunk: ({ columnName, columnData, rowStart }) => {
        const target = data[columnName];
        if (!target) return;
        for (let i = 0; i < columnData.length && rowStart + i < numRows; i++)
          target[rowStart + i] = columnData[i];
      },
    });
    return columnsToArrow(columns, data, numRows);
  } catch (e) {
    throw new SnapshotLoadError(file, messageOf(e), { cause: e });
  }
}
