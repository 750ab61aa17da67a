/** Browser: fetch one snapshot file from the app's own origin, with errors that name the file. */
import { SnapshotLoadError } from './errors.ts';

export async function fetchSnapshotFile(file: string): Promise<ArrayBuffer> {
  const url = `${import.meta.env.BASE_URL}data/${file}`;
  const res = await fetch(url);
  if (!res.ok) throw new SnapshotLoadError(file, `HTTP ${res.status} for ${url}`);
  if (res.headers.get('content-type')?.includes('text/html')) {
    throw new SnapshotLoadError(file, `${url} returned an HTML page, not Parquet (is the file missing?)`);
  }
  return res.arrayBuffer();
}
