import { describe, expect, it } from 'vitest';
import { parseUserAgent, pickBrand, platformLabel } from './identity.ts';

describe('identity', () => {
  it('picks the real brand, not GREASE', () => {
    expect(
      pickBrand([
        { brand: 'Chromium', version: '156' },
        { brand: 'Not=A?Brand', version: '24' },
      ]),
    ).toEqual({ brand: 'Chromium', version: '156' });
    expect(
      pickBrand([
        { brand: 'Not)A;Brand', version: '8' },
        { brand: 'Chromium', version: '140' },
        { brand: 'Google Chrome', version: '140' },
      ])?.brand,
    ).toBe('Google Chrome');
    expect(pickBrand([{ brand: 'Not_A Brand', version: '99' }])).toBeNull();
  });

  it('labels platforms', () => {
    expect(platformLabel('macOS', '15.1.0')).toBe('macOS 15.1');
    expect(platformLabel('Windows', '15.0.0')).toBe('Windows 11');
    expect(platformLabel('Windows', '10.0.0')).toBe('Windows 10');
    expect(platformLabel('Linux', '6.1.0')).toBe('Linux');
    expect(platformLabel('Linux', '')).toBe('Linux');
  });

  it('parses user-agent strings', () => {
    expect(
      parseUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome 156', platform: 'Linux', mobile: false, architecture: 'x86' });
    expect(
      parseUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:140.0) Gecko/20100101 Firefox/140.0'),
    ).toMatchObject({ browser: 'Firefox 140', platform: 'macOS 10.15' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
      ),
    ).toMatchObject({ browser: 'Safari 18.5', platform: 'iOS 18.5', mobile: true });
  });
});
