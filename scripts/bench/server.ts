import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { REPO_ROOT, VITE_BIN } from './paths.ts';

export interface PreviewServer {
  /** Base URL, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** Stops the server; safe to call more than once. */
  close(): Promise<void>;
}

/** A port the OS says is free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port from the OS')),
      );
    });
  });
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Spawns `vite preview` over outDir on a free loopback port and waits until it prints its URL. */
export async function startPreview(outDir: string, waitMs = 30_000): Promise<PreviewServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [VITE_BIN, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  let exited = false;
  const exitedP = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const close = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exitedP;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`vite preview printed no URL within ${waitMs} ms:\n${log}`)),
        waitMs,
      );
      const onData = (chunk: Buffer): void => {
        log += chunk.toString().replace(ANSI, '');
        const m = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once(
        'error',
        (e) => (clearTimeout(timer), reject(new Error(`vite preview could not start: ${e.message}`))),
      );
      child.once(
        'exit',
        (code) => (clearTimeout(timer), reject(new Error(`vite preview exited (code ${code}):\n${log}`))),
      );
    });
    return { url, close };
  } catch (e) {
    await close();
    throw e;
  }
}
