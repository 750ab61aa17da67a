/** The run worker: starts the requested tfjs backend and times the lab models, off the page's thread. */
import { messageOf } from '../errors.ts';
import { startBackend } from './backend-setup.ts';
import type { RunMessage, RunRequest } from './messages.ts';
import { runPlan } from './run-core.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: RunMessage) => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<RunRequest>) => {
  const req = e.data;
  if (req?.type !== 'run') return;
  let outOfTime = false;
  let backend = 'none';
  try {
    post({ type: 'progress', stage: `Starting the tfjs ${req.backend} backend`, fraction: 0 });
    const tf = await startBackend(req.backend);
    backend = tf.getBackend();
    ({ outOfTime } = await runPlan(tf, req, {
      progress: (stage, fraction) => post({ type: 'progress', stage, fraction }),
      timing: (timing) => post({ type: 'timing', timing }),
      error: (message) => post({ type: 'error', message }),
    }));
  } catch (err) {
    post({ type: 'error', message: messageOf(err) });
  }
  post({ type: 'done', outOfTime, backend });
};
