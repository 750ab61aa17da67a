/**
 * Laptop NPUs. No raw spec source covers them: INT8 TOPS, memory and power come from the vendors' product pages;
 * bandwidth is the SoC's memory interface (the NPU shares system memory with CPU and GPU).
 */
import { fact, type DeviceDef } from './device-types.ts';

type Npu = Omit<DeviceDef, 'vendor' | 'kind' | 'segment'>;
const npu = (vendor: string, d: Npu): DeviceDef => ({ vendor, kind: 'npu', segment: 'laptop', ...d });

const AMD = 'vendor-datasheet:amd';
const INTEL = 'vendor-datasheet:intel';
const QCOM = 'vendor-datasheet:qualcomm';
const SHARED =
  'memory capacity is the laptop configuration (null); bandwidth is the SoC memory interface shared with CPU and GPU.';

export const LAPTOP_NPUS: DeviceDef[] = [
  npu('AMD', {
    id: 'amd-ryzen-ai-9-hx-370-npu',
    name: 'AMD XDNA 2 NPU (Ryzen AI 9 HX 370, Strix Point)',
    architecture: 'xdna2',
    aliases: ['Ryzen AI 9 HX 370 NPU', 'XDNA 2 NPU', 'Ryzen AI 300 NPU', 'Strix Point NPU'],
    release_date: '2024-07-28',
    facts: [
      fact('int8_tops', 50, `${AMD} Ryzen AI 9 HX 370 product page: NPU up to 50 TOPS (INT8)`),
      fact(
        'mem_bw_gbs',
        120,
        `derived:${AMD} Ryzen AI 9 HX 370 product page: LPDDR5X-7500, 128-bit (7500 MT/s x 16 B)`,
      ),
      fact('tdp_w', 28, `${AMD} Ryzen AI 9 HX 370 product page: default TDP 28 W (cTDP 15-54 W, whole SoC)`),
    ],
    note: `Ryzen AI 9 HX 370 NPU: ${SHARED}`,
  }),
  npu('Intel', {
    id: 'intel-core-ultra-9-288v-npu',
    name: 'Intel NPU 4 (Core Ultra 9 288V, Lunar Lake)',
    architecture: 'npu4',
    aliases: ['Core Ultra 9 288V NPU', 'Intel AI Boost NPU 288V', 'Lunar Lake NPU', 'Core Ultra 200V NPU'],
    release_date: '2024-09-24',
    facts: [
      fact('int8_tops', 48, `${INTEL} Core Ultra 9 288V ARK: NPU peak 48 TOPS (INT8)`),
      fact('memory_gb', 32, `${INTEL} Core Ultra 9 288V ARK: 32 GB LPDDR5X on package`),
      fact(
        'mem_bw_gbs',
        136.5,
        `derived:${INTEL} Core Ultra 9 288V ARK: LPDDR5X-8533, 128-bit (8533 MT/s x 16 B)`,
      ),
      fact('tdp_w', 30, `${INTEL} Core Ultra 9 288V ARK: processor base power 30 W (whole SoC)`),
    ],
    note: 'Core Ultra 9 288V NPU: memory is the 32 GB on-package LPDDR5X shared with CPU and GPU.',
  }),
  npu('Qualcomm', {
    id: 'qualcomm-snapdragon-x-elite-npu',
    name: 'Qualcomm Hexagon NPU (Snapdragon X Elite)',
    architecture: 'hexagon-x1',
    aliases: ['Snapdragon X Elite NPU', 'X Elite NPU', 'Snapdragon X Elite Hexagon NPU'],
    release_date: '2024-06-18',
    facts: [
      fact('int8_tops', 45, `${QCOM} Snapdragon X Elite product brief: Hexagon NPU 45 TOPS (INT8)`),
      fact('mem_bw_gbs', 135, `${QCOM} Snapdragon X Elite product brief: LPDDR5X-8448, 135 GB/s`),
    ],
    note: `Snapdragon X Elite NPU: ${SHARED} No single TDP is published (device-dependent).`,
  }),
  npu('Qualcomm', {
    id: 'qualcomm-snapdragon-x-plus-npu',
    name: 'Qualcomm Hexagon NPU (Snapdragon X Plus)',
    architecture: 'hexagon-x1',
    aliases: ['Snapdragon X Plus NPU', 'X Plus NPU', 'Snapdragon X Plus Hexagon NPU'],
    release_date: '2024-06-18',
    facts: [
      fact('int8_tops', 45, `${QCOM} Snapdragon X Plus product brief: Hexagon NPU 45 TOPS (INT8)`),
      fact('mem_bw_gbs', 135, `${QCOM} Snapdragon X Plus product brief: LPDDR5X-8448, 135 GB/s`),
    ],
    note: `Snapdragon X Plus NPU: ${SHARED} No single TDP is published (device-dependent).`,
  }),
];
