/**
 * Node: Parquet decoding in a worker thread with a time limit per file, so a damaged file cannot hang the
 * CLI (hyparquet 1.31.5 loops forever on an RLE run of length 0 in a damaged data page). The footer is
 * checked here first; the worker decodes and posts the rows back (BigInt, Date and bytes survive cloning).
 * One worker serves every file; one that runs out of time is terminated and the next file starts a new one.
 */
import { Worker } from 'node:worker_threads';
import { parquetProblem, plainRecords, type ParquetDecoder } from './import-file.ts';
import { toArrayBuffer } from './bytes.ts';

/** Plain JavaScript, run with `eval`: imports hyparquet by the URLs the main thread resolved. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const lib = Promise.all([import(workerData.hyparquet), import(workerData.compressors)]);
parentPort.on('message', async ({ id, buffer }) => {
  try {
    const [{ parquetReadObjects }, { compressors }] = await lib;
    parentPort.postMessage({ id, rows: await parquetReadObjects({ file: buffer, compressors }) });
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.message ? e.message : String(e) });
  }
});
`;

export const PARQUET_TIME_LIMIT_MS = 20_000;

interface Reply {
  id: number;
  rows?: Record<string, unknown>[];
  error?: string;
}

/** A decoder that gives up on a file after `limitMs` with a message naming the likely cause. */
export function parquetRecordsNode(limitMs = PARQUET_TIME_LIMIT_MS): ParquetDecoder {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, (r: Reply) => void>();
  const start = () => {
    const w = new Worker(WORKER, {
      eval: true,
      workerData: {
        hyparquet: import.meta.resolve('hyparquet'),
        compressors: import.meta.resolve('hyparquet-compressors'),
      },
    });
    const fail = (message: string) => {
      if (worker === w) worker = null;
      for (const [id, done] of pending) done({ id, error: message });
    };
    w.on('message', (m: Reply) => pending.get(m.id)?.(m));
    w.on('error', (e) => fail(e.message));
    w.on('exit', () => fail('the decoder stopped'));
    w.unref();
    return w;
  };
  return async (bytes) => {
    const problem = parquetProblem(bytes);
    if (problem) return { error: problem };
    const buffer = toArrayBuffer(bytes);
    const w = (worker ??= start());
    const id = nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      const timer = setTimeout(() => {
        if (worker === w) worker = null;
        void w.terminate();
        resolve({ id, error: `decoding took over ${limitMs / 1000} s (a damaged data page?)` });
      }, limitMs);
      pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      w.postMessage({ id, buffer }, [buffer as ArrayBuffer]);
    });
    pending.delete(id);
    return reply.rows ? plainRecords(reply.rows) : { error: reply.error ?? 'the decoder stopped' };
  };
}
