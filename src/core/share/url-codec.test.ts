import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOM, DEFAULT_SELECTION, PLATFORMS, isValidSelection } from './selection.ts';
import { decodeSelection, encodeSelection, versionNotice } from './url-codec.ts';

const fields = (search: string) => decodeSelection(search).issues.map((i) => i.field);

describe('hand-written links', () => {
  it('reads the README example and writes it back without the defaults', () => {
    const link =
      '?v=1&model=llama-3-8b&mode=inference&precision=q4_k_m&batch=1&prompt=512&gen=128&objective=throughput_per_dollar&platforms=gpu,apple';
    const { selection, issues } = decodeSelection(link);
    expect(issues).toEqual([]);
    expect(selection).toEqual({
      ...DEFAULT_SELECTION,
      model: 'llama-3-8b',
      precision: 'q4_k_m',
      objective: 'throughput_per_dollar',
      platforms: ['datacenter-gpu', 'workstation-gpu', 'consumer-gpu', 'apple'],
    });
    expect(encodeSelection(selection)).toBe(
      'v=1&model=llama-3-8b&precision=q4_k_m&platforms=gpu,apple&objective=throughput_per_dollar',
    );
  });

  it('an empty link is the defaults, and the defaults encode to nothing', () => {
    expect(decodeSelection('')).toEqual({ selection: DEFAULT_SELECTION, issues: [] });
    expect(decodeSelection('?')).toEqual({ selection: DEFAULT_SELECTION, issues: [] });
    expect(encodeSelection(DEFAULT_SELECTION)).toBe('');
  });

  it('a link that only names a page stays `page=…` without a version', () => {
    const { selection, issues } = decodeSelection('?page=sources');
    expect(issues).toEqual([]);
    expect(selection.page).toBe('sources');
    expect(encodeSelection(selection)).toBe('page=sources');
    expect(encodeSelection({ ...selection, batch: 8 })).toBe('v=1&page=sources&batch=8');
  });

  it('reads a custom model, constraints, hardware and versions', () => {
    const link =
      'v=1&page=compare&model=custom&params=70.6&layers=80&kv_heads=4&arch=moe-decoder&mode=training&batch=32' +
      '&max_latency_ms=50&min_memory_gb=24&max_power_w=350&hardware=nvidia-h100-sxm5-80gb,apple-m2-ultra&sv=4e884c584e2f3322&mv=2';
    const { selection, issues } = decodeSelection(link);
    expect(issues).toEqual([]);
    expect(selection.custom).toEqual({
      ...DEFAULT_CUSTOM,
      params: 70.6,
      layers: 80,
      kvHeads: 4,
      arch: 'moe-decoder',
    });
    expect(selection.constraints).toMatchObject({
      maxLatencyMs: 50,
      minMemoryGb: 24,
      maxPowerW: 350,
      maxPriceUsd: null,
    });
    expect(selection.hardware).toEqual(['nvidia-h100-sxm5-80gb', 'apple-m2-ultra']);
    expect([selection.sv, selection.mv]).toEqual(['4e884c584e2f3322', '2']);
    expect(encodeSelection(selection)).toBe(link);
  });

  it('accepts synonyms and case, and writes the canonical form', () => {
    const { selection, issues } = decodeSelection(
      'Model=Llama-3.1-70B&precision=FP16&mode=Training&platforms=browser',
    );
    expect(issues).toEqual([]);
    expect(selection).toMatchObject({ model: 'llama-3.1-70b', precision: 'fp16', mode: 'training' });
    expect(selection.platforms).toEqual(['browser-webgpu', 'browser-webnn', 'browser-wasm']);
    expect(encodeSelection(selection)).toBe(
      'v=1&model=llama-3.1-70b&mode=training&precision=fp16&platforms=browser',
    );
  });

  it('escapes + in ids so it is not read back as a space', () => {
    const s = { ...DEFAULT_SELECTION, hardware: ['a+b', 'c'] };
    expect(encodeSelection(s)).toBe('v=1&hardware=a%2Bb,c');
    expect(decodeSelection(encodeSelection(s)).selection).toEqual(s);
  });
});

describe('runtime and scenario', () => {
  it('reads a class id, a label or pasted text, and writes the class id', () => {
    for (const [text, runtime] of [
      ['vllm', 'vllm'],
      ['TensorRT-LLM', 'tensorrt-llm'],
      ['llama.cpp%20(Metal)', 'llama.cpp-metal'],
      ['vLLM%200.9.1', 'vllm'],
      ['PyTorch+2.9.1+(cu130,+torch.compile)', 'pytorch-compile'],
      ['auto', 'auto'],
    ] as const) {
      const { selection, issues } = decodeSelection(`runtime=${text}`);
      expect(issues).toEqual([]);
      expect(selection.runtime).toBe(runtime);
      expect(encodeSelection(selection)).toBe(runtime === 'auto' ? '' : `v=1&runtime=${runtime}`);
    }
  });

  it('an unknown runtime is named in a notice and auto is used', () => {
    const { selection, issues } = decodeSelection('runtime=foo&batch=2');
    expect(selection).toEqual({ ...DEFAULT_SELECTION, batch: 2 });
    expect(issues).toEqual([
      { field: 'runtime', value: 'foo', message: expect.stringMatching(/not a runtime.*auto is used/) },
    ]);
    expect(fields('runtime=')).toEqual(['runtime']);
  });

  it('reads the scenario; batch=max means offline; writes canonical order without defaults', () => {
    const link =
      'v=1&page=recommend&model=llama-3.1-8b&precision=fp8&runtime=vllm&scenario=offline&devices=8';
    const { selection, issues } = decodeSelection(link);
    expect(issues).toEqual([]);
    expect(selection).toMatchObject({ runtime: 'vllm', scenario: 'offline', devices: 8 });
    expect(encodeSelection(selection)).toBe('v=1&precision=fp8&runtime=vllm&scenario=offline&devices=8');
    const max = decodeSelection('batch=MAX&devices=8&runtime=trt-llm');
    expect(max.issues).toEqual([]);
    expect(max.selection).toMatchObject({ scenario: 'offline', batch: 1, runtime: 'tensorrt-llm' });
    expect(encodeSelection(max.selection)).toBe('v=1&runtime=tensorrt-llm&scenario=offline&devices=8');
    expect(decodeSelection('scenario=Single-Stream').selection.scenario).toBe('single-stream');
    expect(fields('scenario=server')).toEqual(['scenario']);
    const clash = decodeSelection('scenario=single-stream&batch=max');
    expect(clash.selection.scenario).toBe('offline');
    expect(clash.issues.map((i) => i.field)).toEqual(['scenario']);
  });
});

describe('the Data and Matrix views', () => {
  it('reads filters, sort, page and rows per page, and writes them back without defaults', () => {
    const link =
      'v=1&page=data&q_hw=nvidia-a100-sxm4-80gb&q_source=timm&q_metric=throughput&q_precision=fp16' +
      '&q_model=resnet%2050%2B&sort=-value&p=3&per_page=100';
    const { selection, issues } = decodeSelection(link);
    expect(issues).toEqual([]);
    expect(selection.data).toEqual({
      filters: {
        hardwareId: 'nvidia-a100-sxm4-80gb',
        sourceId: 'timm',
        metric: 'throughput',
        precision: 'fp16',
        modelSearch: 'resnet 50+',
      },
      sort: { column: 'value', direction: 'desc' },
      pageIndex: 2,
      pageSize: 100,
    });
    expect(encodeSelection(selection)).toBe(link);
    expect(decodeSelection('page=data&sort=value&p=1&per_page=50').selection).toEqual({
      ...DEFAULT_SELECTION,
      page: 'data',
      data: { ...DEFAULT_SELECTION.data, sort: { column: 'value', direction: 'asc' } },
    });
    expect(encodeSelection(decodeSelection('page=data&sort=source_id&p=1').selection)).toBe('page=data');
  });

  it('reads the Your data page and a filter on one of your batches (source yours:<batch>)', () => {
    expect(decodeSelection('page=yours')).toEqual({
      selection: { ...DEFAULT_SELECTION, page: 'yours' },
      issues: [],
    });
    expect(encodeSelection({ ...DEFAULT_SELECTION, page: 'yours' })).toBe('page=yours');
    const link = 'v=1&page=data&q_source=yours%3Allama-bench';
    const { selection, issues } = decodeSelection(link);
    expect(issues).toEqual([]);
    expect(selection.data.filters).toEqual({ sourceId: 'yours:llama-bench' });
    expect(encodeSelection(selection)).toBe(link);
    const bad = decodeSelection('page=data&q_source=mine:x&q_hw=yours:x');
    expect(bad.issues.map((i) => [i.field, i.message])).toEqual([
      ['q_hw', 'not a valid id (a-z, 0-9, . _ - +; at most 128 characters); the default is used'],
      [
        'q_source',
        'not a valid id (a-z, 0-9, . _ - +, after an optional yours:; at most 128 characters); the default is used',
      ],
    ]);
  });

  it('reads the matrix view; its precision is the selection’s', () => {
    const link = 'v=1&page=matrix&precision=fp8&matrix_columns=architecture&matrix_family=llama';
    const { selection, issues } = decodeSelection(link);
    expect(issues).toEqual([]);
    expect(selection.matrix).toEqual({ columns: 'architecture', family: 'llama' });
    expect(selection.precision).toBe('fp8');
    expect(encodeSelection(selection)).toBe(link);
  });

  it('names each bad view parameter and uses its default', () => {
    const { selection, issues } = decodeSelection(
      'q_hw=BAD%20ID&q_model=a%0Ab&sort=;drop table&p=0&per_page=7&matrix_columns=rows&matrix_family=' +
        'x'.repeat(101),
    );
    expect(issues.map((i) => i.field)).toEqual([
      'q_hw',
      'q_model',
      'sort',
      'p',
      'per_page',
      'matrix_columns',
      'matrix_family',
    ]);
    expect(selection).toEqual(DEFAULT_SELECTION);
    expect(fields('q_model=%20%20')).toEqual(['q_model']);
    expect(fields('p=1000001')).toEqual(['p']);
  });
});

describe('bad links', () => {
  it('names each bad field and uses its default', () => {
    const { selection, issues } = decodeSelection(
      'model=<script>alert(1)</script>&batch=1e999&seq=1.5&gen=-3&devices=0x10&precision=fp17&objective=fastest&page=admin&image=',
    );
    expect(issues.map((i) => i.field)).toEqual([
      'page',
      'model',
      'precision',
      'batch',
      'seq',
      'gen',
      'image',
      'devices',
      'objective',
    ]);
    expect(selection).toEqual(DEFAULT_SELECTION);
    expect(issues.every((i) => i.message.includes('default'))).toBe(true);
  });

  it('bounds numbers', () => {
    expect(decodeSelection('batch=65536').issues).toEqual([]);
    expect(fields('batch=65537')).toEqual(['batch']);
    expect(fields('prompt=1048577')).toEqual(['prompt']);
    expect(fields('devices=1025')).toEqual(['devices']);
    expect(fields('batch=99999999999999999999999')).toEqual(['batch']);
    expect(decodeSelection('batch=8.0').selection.batch).toBe(8);
    expect(fields('batch=NaN&gen=Infinity&seq=')).toEqual(['batch', 'seq', 'gen']);
  });

  it('reads a newer version best effort, with a notice', () => {
    const { selection, issues } = decodeSelection('v=2&batch=4&future=1');
    expect(selection.batch).toBe(4);
    expect(issues.map((i) => i.field)).toEqual(['future', 'v']);
    expect(issues[1]!.message).toMatch(/newer/);
    expect(fields('v=banana')).toEqual(['v']);
  });

  it('keeps the first of repeated parameters and says so once', () => {
    const { selection, issues } = decodeSelection('batch=2&batch=3&batch=4');
    expect(selection.batch).toBe(2);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'batch', message: expect.stringMatching(/repeated/) });
  });

  it('drops bad list items but keeps the good ones', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `hw-${i}`);
    const { selection, issues } = decodeSelection(
      `hardware=${ids.join(',')},hw-1,BAD%20ID&platforms=gpu,quantum`,
    );
    expect(selection.hardware).toEqual(ids.slice(0, 12));
    expect(selection.platforms).toEqual(['datacenter-gpu', 'workstation-gpu', 'consumer-gpu']);
    expect(issues.map((i) => i.field)).toEqual(['platforms', 'hardware', 'hardware', 'hardware']);
    expect(decodeSelection('platforms=,,').selection.platforms).toEqual([...PLATFORMS]);
  });

  it('ignores custom-model fields unless model=custom', () => {
    const { selection, issues } = decodeSelection('params=7&arch=cnn');
    expect(selection.custom).toBeNull();
    expect(issues.map((i) => i.field).sort()).toEqual(['arch', 'params']);
  });

  it('survives malformed escapes, NULs and 20 kB of junk', () => {
    expect(fields('model=%E0%A4%A&batch=2')).toEqual(['model']);
    expect(fields('model=ab%00c')).toEqual(['model']);
    const junk = decodeSelection(`batch=3&${'x'.repeat(20_000)}`);
    expect(junk.selection.batch).toBe(3);
    expect(junk.issues.map((i) => i.field)).toEqual(['link', `${'x'.repeat(40)}…`]);
    const many = decodeSelection(Array.from({ length: 4000 }, (_, i) => `p${i}=1`).join('&'));
    expect(many.issues.length).toBeLessThanOrEqual(20);
    expect(many.issues.at(-1)).toMatchObject({
      field: 'link',
      message: expect.stringMatching(/more problems/),
    });
    expect(isValidSelection(many.selection)).toBe(true);
  });
});

describe('versionNotice', () => {
  const s = { ...DEFAULT_SELECTION, sv: 'aaa', mv: '2' };
  it('is null when versions match or are unknown', () => {
    expect(versionNotice(s, { snapshot: 'aaa', model: '2' })).toBeNull();
    expect(versionNotice(DEFAULT_SELECTION, { snapshot: 'bbb', model: '3' })).toBeNull();
    expect(versionNotice(s, { snapshot: null, model: null })).toBeNull();
  });
  it('names what differs', () => {
    const m = versionNotice(s, { snapshot: 'bbb', model: '2' });
    expect(m).toMatch(/snapshot aaa .*bbb/);
    expect(m).not.toMatch(/model version/);
    expect(versionNotice(s, { snapshot: 'bbb', model: '3' })).toMatch(/snapshot.*and model version 2/);
  });
});
