/** Apple Silicon: one row per chip bin (apple-chips.ts) and per other memory configuration (apple-configs.ts). */
import { APPLE_CHIPS } from './apple-chips.ts';
import { appleDevices } from './apple-configs.ts';
import type { DeviceDef } from './device-types.ts';

export const APPLE: DeviceDef[] = appleDevices(APPLE_CHIPS);
