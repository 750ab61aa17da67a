import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION } from './selection.ts';
import { decodeSelection, encodeSelection, versionNotice } from './url-codec.ts';

const link = (mv: string) => decodeSelection(encodeSelection({ ...DEFAULT_SELECTION, mv })).selection;

describe('versionNotice and calibrated models', () => {
  it('a link made with a calibrated model keeps its version and says it was a private model, without rows', () => {
    const s = link('s7-n50066+cal.0a1b2c3d');
    expect(s.mv).toBe('s7-n50066+cal.0a1b2c3d');
    expect(versionNotice(s, { snapshot: null, model: 's7-n50066' })).toBe(
      'This link was made with model version s7-n50066+cal.0a1b2c3d (a private model calibrated on the sharer’s own data, whose rows the link does not carry; this app has s7-n50066); results may differ from the ones it was shared with.',
    );
  });

  it('says when this app predicts with your calibrated model, and nothing when the versions agree', () => {
    expect(versionNotice(link('s7-n50066'), { snapshot: null, model: 's7-n50066+cal.0a1b2c3d' })).toContain(
      '(this app has s7-n50066+cal.0a1b2c3d, your calibrated model)',
    );
    expect(
      versionNotice(link('s7-n50066+cal.0a1b2c3d'), { snapshot: null, model: 's7-n50066+cal.0a1b2c3d' }),
    ).toBeNull();
  });
});
