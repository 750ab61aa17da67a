import { spawn } from 'node:child_process';
import { REPO_ROOT, VITE_BIN } from './paths.ts';

/** Runs `vite build --outDir outDir`; its output goes to stderr so stdout stays JSON. Throws on failure. */
export function viteBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 2, 2],
    });
    child.on('error', (e) => reject(new Error(`vite build could not start: ${e.message}`)));
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`vite build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`)),
    );
  });
}
