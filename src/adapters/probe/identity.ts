/**
 * Browser identity: from `navigator.userAgentData` (with high-entropy values where granted) or, where that is
 * missing, from the user-agent string. Shown to the user only. Never throws.
 */
import type { BrowserIdentity } from '../../core/lab/types.ts';

interface Brand {
  brand: string;
  version: string;
}

interface UaData {
  brands?: Brand[];
  mobile?: boolean;
  platform?: string;
  getHighEntropyValues?: (hints: string[]) => Promise<{
    platformVersion?: string;
    architecture?: string;
    bitness?: string;
    fullVersionList?: Brand[];
  }>;
}

/** Well-known browsers first; "Chromium" only when nothing more specific is listed; GREASE brands never. */
const BRAND_ORDER = ['Microsoft Edge', 'Google Chrome', 'Opera', 'Brave', 'Vivaldi', 'Samsung Internet'];

/** The brand to show, from a `brands` list (GREASE entries like "Not=A?Brand" dropped). */
export function pickBrand(brands: readonly Brand[]): Brand | null {
  const real = brands.filter((b) => !/not.?a.?brand/i.test(b.brand));
  for (const name of BRAND_ORDER) {
    const hit = real.find((b) => b.brand === name);
    if (hit) return hit;
  }
  return real.find((b) => b.brand !== 'Chromium') ?? real.find((b) => b.brand === 'Chromium') ?? null;
}

/** "macOS 15.1", "Windows 11", "Linux": platform with a version where it means something. */
export function platformLabel(platform: string, platformVersion: string | undefined): string {
  const v = (platformVersion ?? '').trim();
  if (!v) return platform;
  if (platform === 'Windows') {
    // userAgentData reports Windows 11 as platformVersion 13 or later.
    const major = Number(v.split('.')[0]);
    if (Number.isFinite(major) && major > 0) return major >= 13 ? 'Windows 11' : 'Windows 10';
    return platform;
  }
  if (platform === 'macOS' || platform === 'Android' || platform === 'Chrome OS') {
    return `${platform} ${v.replace(/(\.0)+$/, '')}`;
  }
  return platform;
}

/** Identity parsed from a user-agent string. */
export function parseUserAgent(ua: string): Omit<BrowserIdentity, 'via' | 'userAgent'> {
  const m = (re: RegExp): string | null => re.exec(ua)?.[1] ?? null;
  let browser = 'Unknown browser';
  const edge = m(/Edg(?:e|A|iOS)?\/(\d+)/);
  const opera = m(/OPR\/(\d+)/);
  const firefox = m(/(?:Firefox|FxiOS)\/(\d+)/);
  const chrome = m(/(?:Chrome|CriOS)\/(\d+)/);
  const chromium = m(/Chromium\/(\d+)/);
  const safari = m(/Version\/(\d+(?:\.\d+)?).*Safari\//);
  if (edge) browser = `Edge ${edge}`;
  else if (opera) browser = `Opera ${opera}`;
  else if (firefox) browser = `Firefox ${firefox}`;
  else if (chromium) browser = `Chromium ${chromium}`;
  else if (chrome) browser = `Chrome ${chrome}`;
  else if (safari) browser = `Safari ${safari}`;

  let platform = 'Unknown platform';
  const win = m(/Windows NT (\d+\.\d+)/);
  const mac = m(/Mac OS X (\d+[._]\d+(?:[._]\d+)?)/);
  const android = m(/Android (\d+(?:\.\d+)?)/);
  const ios = m(/(?:iPhone|CPU) OS (\d+[._]\d+)/);
  if (android) platform = `Android ${android}`;
  else if (ios) platform = `iOS ${ios.replace(/_/g, '.')}`;
  else if (win) platform = 'Windows';
  else if (mac) platform = `macOS ${mac.replace(/_/g, '.')}`;
  else if (/CrOS/.test(ua)) platform = 'Chrome OS';
  else if (/Linux/.test(ua)) platform = 'Linux';

  let architecture: string | null = null;
  if (/x86_64|x64|Win64|amd64/i.test(ua)) architecture = 'x86';
  else if (/aarch64|arm64/i.test(ua)) architecture = 'arm';

  return { browser, platform, mobile: /Mobi|iPhone|Android.*Mobile/.test(ua), architecture };
}

/** Who is asking: browser, platform, mobile, architecture. Never throws. */
export async function probeIdentity(): Promise<BrowserIdentity> {
  const nav = (globalThis as { navigator?: { userAgent?: string; userAgentData?: UaData } }).navigator;
  const userAgent = nav?.userAgent ?? '';
  const data = nav?.userAgentData;
  const parsed = parseUserAgent(userAgent);
  if (!data || !Array.isArray(data.brands)) return { ...parsed, userAgent, via: 'user-agent-string' };
  let high: Awaited<ReturnType<NonNullable<UaData['getHighEntropyValues']>>> = {};
  try {
    if (typeof data.getHighEntropyValues === 'function')
      high = await data.getHighEntropyValues([
        'platformVersion',
        'architecture',
        'bitness',
        'fullVersionList',
      ]);
  } catch {
    high = {};
  }
  const brand = pickBrand(data.brands);
  const platform = data.platform ? platformLabel(data.platform, high.platformVersion) : parsed.platform;
  const arch = high.architecture ? `${high.architecture}${high.bitness ? `-${high.bitness}` : ''}` : null;
  return {
    browser: brand ? `${brand.brand} ${brand.version}` : parsed.browser,
    platform,
    mobile: data.mobile === true,
    architecture: arch ?? parsed.architecture,
    userAgent,
    via: 'user-agent-data',
  };
}
