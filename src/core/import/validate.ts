/**
 * Every imported row checked before it is kept: its fields (read-row.ts), physics (plausible.ts: no rate
 * above the roofline bound unless the caller allows it, memory that fits), and duplicates (of rows before it
 * in the file, or of rows already imported). A row that fails is a bad row with its row, column and reason;
 * the others become snapshot-schema rows.
 */
import type { MeasurementRow } from '../catalog/schema.ts';
import { duplicateKey } from './duplicates.ts';
import { fmt, physicsOf } from './plausible.ts';
import { readRow, type ReadContext } from './read-row.ts';
import { recordText } from './table.ts';
import type { BadRow, ImportField, RawRow, Unresolved } from './types.ts';
import { cellText } from './values.ts';

/** Rows between two progress reports. */
const PROGRESS_EVERY = 2000;

export type ValidateContext = Omit<ReadContext, 'needs' | 'unresolved'>;

export interface Validated {
  good: MeasurementRow[];
  bad: BadRow[];
  warnings: BadRow[];
  unresolved: { hardware: Unresolved[]; models: Unresolved[] };
  needs: ImportField[];
}

export function validateRows(rows: readonly RawRow[], context: ValidateContext): Validated {
  const ctx: ReadContext = {
    ...context,
    needs: new Set(),
    unresolved: { hardware: new Map(), models: new Map() },
  };
  const good: MeasurementRow[] = [];
  const bad: BadRow[] = [];
  const warnings: BadRow[] = [];
  const seen = new Map<string, number>();
  const seenConfig = new Map<string, { row: number; value: number }>();
  const existing = new Map<string, MeasurementRow>();
  for (const e of ctx.options.existing ?? []) {
    const k = duplicateKey(e);
    if (!existing.has(k)) existing.set(k, e);
  }

  const progress = ctx.options.onProgress;
  for (const [i, raw] of rows.entries()) {
    if (progress && i % PROGRESS_EVERY === 0) progress(i, rows.length);
    const record = () => (raw.record ? { record: recordText(raw.record) } : {});
    const r = readRow(raw, ctx);
    if (!r.ok) {
      const rec = record();
      for (const p of r.problems) bad.push({ ...p, ...rec });
      continue;
    }
    const { row } = r;
    const at = { row: raw.row, column: raw.columns.value ?? 'value', value: cellText(raw.values.value) };
    const reject = (reason: string) => bad.push({ ...at, reason, ...record() });

    const physics = physicsOf(row, r.hw, r.model);
    if (physics.kind === 'impossible') {
      reject(physics.reason);
      continue;
    }
    if (physics.kind === 'beyond' && !ctx.options.allowAboveRoofline) {
      reject(
        `${physics.reason}; check the device, precision and batch, or allow rows above the roofline to keep it flagged`,
      );
      continue;
    }

    const key = duplicateKey(row);
    const prior = existing.get(key);
    if (prior) {
      reject(
        `duplicate of a row already imported (${prior.source_id}, ${prior.source_file} row ${prior.source_row})`,
      );
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      reject(`duplicate of row ${first} (same device, model, workload, metric and value)`);
      continue;
    }
    seen.set(key, raw.row);

    if (physics.kind === 'beyond' || physics.kind === 'unchecked') {
      row.flags = `${row.flags};${physics.flag}`;
      warnings.push({
        ...at,
        reason: `${physics.kind === 'beyond' ? 'kept, flagged' : 'kept unchecked'}: ${physics.reason}`,
      });
    }
    const configKey = duplicateKey(row, false);
    const same = seenConfig.get(configKey);
    if (same)
      warnings.push({
        ...at,
        reason: `same configuration as row ${same.row} with another value (${fmt(same.value)}): both kept`,
      });
    else seenConfig.set(configKey, { row: raw.row, value: row.value });
    good.push(row);
  }
  progress?.(rows.length, rows.length);
  return {
    good,
    bad,
    warnings,
    unresolved: {
      hardware: [...ctx.unresolved.hardware.values()],
      models: [...ctx.unresolved.models.values()],
    },
    needs: [...ctx.needs],
  };
}
