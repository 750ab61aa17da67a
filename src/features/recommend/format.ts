/** Display helpers for ranking cells (shared with the CLI's `recommend`, so they live in core). */
export {
  DASH,
  MB_TO_GB,
  num,
  operatingText,
  usd,
  usdHr,
  withInterval,
} from '../../core/select/ranking-cells.ts';
