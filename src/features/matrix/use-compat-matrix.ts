import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { compatibilityMatrix, type CompatMatrix } from '../../core/select/compatibility.ts';
import { rooflineEngineQuery } from '../../queries/engine.ts';

export interface MatrixOptions {
  /** '' = the precision ladder (16/32-bit → 8-bit → 4-bit). */
  precision: string;
  groupBy: 'backend' | 'architecture';
}

/** The compatibility matrix over the loaded snapshot (the roofline engine's rows; no tfjs). */
export function useCompatMatrix(o: MatrixOptions) {
  const engine = useQuery(rooflineEngineQuery());
  const snapshot = engine.data?.snapshot;
  const matrix = useMemo<CompatMatrix | null>(
    () =>
      snapshot
        ? compatibilityMatrix(snapshot, {
            groupBy: o.groupBy,
            ...(o.precision ? { precision: o.precision } : {}),
          })
        : null,
    [snapshot, o.precision, o.groupBy],
  );
  return { engine, matrix, snapshotVersion: engine.data?.manifest.snapshot ?? null };
}
