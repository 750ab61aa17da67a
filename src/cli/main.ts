/**
 * npm run cli -- <command> [options]
 * The only place that exits the process. Commands are imported lazily.
 */
import { UsageError } from './usage-error.ts';
const USAGE = `usage: npm run cli -- <command> [options]

commands:
  predict    predict latency, throughput and memory for a model on devices (--with my.csv: your rows as evidence)
  recommend  the Recommend page's ranking for a shared link: recommend '<link or query string>'
  fit        what fits: the longest context and largest batch per precision on a device (--hardware),
             or the best precision in a memory budget (--memory-gb)
  matrix     predictions for models × hardware × batch sizes × precisions, as JSON
  train      train the efficiency model from the committed snapshot
  eval       evaluate the predictor on held-out hardware, models and sources (--with my.csv: on your rows)

run "npm run cli -- <command> --help" for a command's options`;

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'train':
      return (await import('../train/train.ts')).train(rest);
    case 'eval':
      if (rest.some((a) => /^--with(=|$)/.test(a)))
        return (await import('./with-import.ts')).evalWithCommand(rest);
      return (await import('../train/eval.ts')).evaluate(rest);
    case 'predict':
      if (rest.some((a) => /^--with(=|$)/.test(a)))
        return (await import('./with-import.ts')).predictWithCommand(rest);
      return (await import('./predict.ts')).predictCommand(rest);
    case 'recommend':
      return (await import('./recommend.ts')).recommendCommand(rest);
    case 'fit':
      return (await import('./fit.ts')).fitCommand(rest);
    case 'matrix':
      return (await import('./matrix.ts')).matrixCommand(rest);
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

run(process.argv.slice(2)).catch((e: unknown) => {
  const usage =
    e instanceof UsageError ||
    (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'));
  if (usage) {
    console.error(`error: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.ROOFLIGHT_DEBUG && e instanceof Error) console.error(e.stack);
  process.exit(1);
});
