import { asyncBufferFromFile, parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { readFileSync } from 'node:fs';

const DATA = new URL('../public/data/', import.meta.url);

/** Rows in a snapshot file, from its Parquet footer. */
export function parquetRowCount(file: string): number {
  const b = readFileSync(new URL(file, DATA));
  return Number(parquetMetadata(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)).num_rows);
}

/** Some columns of a snapshot file, decoded in Node (the expectations come from the files themselves). */
export async function parquetColumns<T extends Record<string, unknown>>(
  file: string,
  columns: string[],
): Promise<T[]> {
  const buffer = await asyncBufferFromFile(new URL(file, DATA).pathname);
  return (await parquetReadObjects({ file: buffer, columns, compressors })) as T[];
}

/** A hardware id with fewer measurements than the total (the rarest one), and its count. */
export async function narrowingHardware(): Promise<{ id: string; n: number }> {
  const rows = await parquetColumns<{ hardware_id: string }>('measurements.parquet', ['hardware_id']);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.hardware_id, (counts.get(r.hardware_id) ?? 0) + 1);
  const [id, n] = [...counts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
  if (!id || n >= rows.length)
    throw new Error('the snapshot needs at least two hardware ids to test filtering');
  return { id, n };
}
