import { useMutation } from '@tanstack/react-query';
import { getBrowserDb } from '../../adapters/duckdb-browser.ts';

/** Runs the SQL box's text (read-only, or scratch: rolled back). */
export function useUserSql() {
  return useMutation({
    mutationKey: ['user-sql'],
    mutationFn: async ({ text, scratch }: { text: string; scratch: boolean }) =>
      (await getBrowserDb()).runUserSql(text, scratch),
  });
}
