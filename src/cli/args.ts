/** Argument helpers shared by commands: a variadic option, numbers and choices that fail with UsageError. */
import { UsageError } from './usage-error.ts';

/**
 * Pull `--name a b c` (values up to the next option), `--name a --name b` and `--name=a` out of argv.
 * node:util parseArgs takes one value per option, so this runs first and parseArgs sees the rest.
 */
export function takeVariadic(
  argv: readonly string[],
  name: string,
): { rest: string[]; values: string[]; present: boolean } {
  const flag = `--${name}`;
  const rest: string[] = [];
  const values: string[] = [];
  let present = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith(`${flag}=`)) {
      present = true;
      values.push(a.slice(flag.length + 1));
    } else if (a === flag) {
      present = true;
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) values.push(argv[++i]!);
    } else rest.push(a);
  }
  return { rest, values: values.filter((v) => v.trim() !== ''), present };
}

/** A number (7e9, 0.5…) or undefined when absent; UsageError naming the option when not a positive number. */
export function numberArg(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v <= 0)
    throw new UsageError(`${flag} must be a positive number, got "${raw}"`);
  return v;
}

/** A positive integer or undefined when absent. */
export function intArg(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(v) || v <= 0)
    throw new UsageError(`${flag} must be a positive integer, got "${raw}"`);
  return v;
}

/** One of `options` or undefined when absent. */
export function choiceArg<T extends string>(
  raw: string | undefined,
  flag: string,
  options: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim().toLowerCase();
  if (!(options as readonly string[]).includes(v))
    throw new UsageError(`${flag} "${raw}" is not one of ${options.join(', ')}`);
  return v as T;
}

/** Comma-separated list, empties dropped. */
export const listArg = (raw: string | undefined): string[] | undefined =>
  raw === undefined
    ? undefined
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
