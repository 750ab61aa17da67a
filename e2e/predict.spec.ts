import { loadEngineNode } from '../src/adapters/engine-node.ts';
import { selectTfBackend } from '../src/adapters/tfjs-backend-node.ts';
import type { QuerySpec } from '../src/core/predict/spec.ts';
import { queryFromSpec } from '../src/core/predict/spec.ts';
import type { Prediction } from '../src/core/predict/types.ts';
import { expect, test } from './fixtures.ts';

const SPECS: QuerySpec[] = [
  {
    model: 'resnet50.tv_in1k',
    hardware: 'nvidia-rtx-4090',
    metric: 'throughput',
    batch: 64,
    precision: 'fp16',
  },
  {
    model: 'resnet50.tv_in1k',
    hardware: 'nvidia-a100-sxm4-80gb',
    metric: 'latency_ms',
    batch: 8,
    precision: 'fp16',
  },
  { model: 'llama-3.1-8b', hardware: 'nvidia-h100-sxm5-80gb', metric: 'decode_tokens_s', precision: 'fp16' },
  {
    model: 'llama-3.1-8b',
    hardware: 'apple-m2-ultra',
    metric: 'ttft_ms',
    precision: 'q4_k_m',
    promptTokens: 512,
  },
  {
    model: 'llama-2-70b',
    hardware: 'nvidia-h100-sxm5-80gb',
    metric: 'throughput',
    precision: 'fp8',
    batch: 32,
    nDevices: 2,
  },
  {
    model: 'bert-base-uncased',
    hardware: 'nvidia-t4',
    metric: 'latency_ms',
    batch: 8,
    seqLen: 128,
    precision: 'fp16',
  },
  {
    model: 'resnet50.tv_in1k',
    hardware: 'nvidia-v100-sxm2-16gb',
    metric: 'throughput',
    mode: 'training',
    batch: 256,
    precision: 'fp16',
  },
  { model: 'llama-3.1-8b', hardware: 'nvidia-a100-sxm4-80gb', metric: 'throughput', precision: 'fp8' },
  { model: 'llama-3.1-8b', hardware: 'nvidia-rtx-4090', metric: 'memory_mb', precision: 'fp16', batch: 4 },
];

test('the browser loads the same model and gives the same predictions as Node', async ({ page }) => {
  test.setTimeout(120_000);
  // Node scores on the wasm backend (fastest here), the page on tfjs cpu: the numbers must still agree.
  const node = await loadEngineNode(await selectTfBackend('wasm'));
  expect(node.model, 'models/efficiency must load in Node').not.toBeNull();
  const hw = new Map(node.snapshot.hardware.map((h) => [h.id, h]));
  const models = new Map(node.snapshot.models.map((m) => [m.id, m]));
  const expected = await node.engine.predictMany(SPECS.map((s) => queryFromSpec(s, hw, models)));

  await page.goto('/?page=sources');
  const actual = (await page.evaluate(
    async (specs) => window.__rooflightPredict!(specs),
    SPECS,
  )) as Prediction[];

  expect(actual).toHaveLength(SPECS.length);
  expected.forEach((e, i) => {
    const a = actual[i]!;
    expect(a.ok, `${SPECS[i]!.model} on ${SPECS[i]!.hardware}`).toBe(e.ok);
    if (!e.ok || !a.ok) {
      if (!e.ok && !a.ok) expect(a.error).toBe(e.error);
      return;
    }
    expect(a.layer).toBe(e.layer);
    for (const k of ['value', 'low', 'high'] as const) expect(a[k] / e[k]).toBeCloseTo(1, 5);
  });
  // The learned layers answered (not only the fallback), so the tfjs model really ran in both places.
  expect(actual.some((p) => p.ok && (p.layer === 'learned' || p.layer === 'transfer'))).toBe(true);
});

test('the Predict page shows predictions with intervals, bound and layer', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?page=predict');
  await expect(page.getByTestId('engine-status')).toContainText('Learned model on tfjs wasm', {
    timeout: 60_000,
  });
  const rows = page.getByTestId('prediction');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Predictions' })).toContainText('decode_tokens_s');
  await page.getByLabel('Model').fill('resnet50.tv_in1k');
  await expect(page.getByRole('table', { name: 'Predictions' })).not.toContainText('decode_tokens_s');
  await expect(page.getByRole('table', { name: 'Predictions' })).toContainText('throughput');
});

test('Predict links to Compare with the same devices and workload', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/?page=predict&model=llama-3-8b&hardware=nvidia-h100-sxm5-80gb,nvidia-rtx-4090');
  const link = page.getByTestId('compare-devices');
  await expect(link).toHaveText('Compare these 2 devices side by side', { timeout: 60_000 });
  await link.click();
  await expect(page).toHaveURL(/page=compare/);
  await expect(page).toHaveURL(/hardware=nvidia-h100-sxm5-80gb(,|%2C)nvidia-rtx-4090/);
  await expect(page).toHaveURL(/model=llama-3-8b/);
  await expect(page.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).toHaveURL(/page=predict/);
});

test('every prediction on Predict, Recommend and Compare links to the held-out error of predictions like it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/?page=predict&model=llama-3-8b&hardware=nvidia-h100-sxm5-80gb,nvidia-rtx-4090');
  const table = page.getByRole('table', { name: 'Predictions' });
  const links = table.getByTestId('evidence-accuracy-link');
  await expect(links.first()).toHaveText(/^[\d.,]+%$/, { timeout: 90_000 });
  // One link per answered speed prediction (the held-out evaluation has no memory rows: those say "–").
  const answered = await table
    .getByTestId('prediction')
    .filter({ hasNot: page.locator('.error-text') })
    .filter({ hasNotText: 'memory_mb' })
    .count();
  expect(answered).toBeGreaterThan(4);
  await expect(links).toHaveCount(answered);
  const first = links.first();
  await expect(first).toHaveAttribute(
    'aria-label',
    /predictions like this one: median error [\d.,]+% on unseen devices/,
  );
  const level = (await first.getAttribute('data-evidence')) ?? '';
  expect(level).not.toBe('');
  await first.click();
  await expect(page.getByRole('link', { name: 'Accuracy' })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => new URL(page.url()).searchParams.get('acc_evidence')).toBe(level);

  await page.goto('/?model=llama-3-8b');
  await expect(page.getByTestId('ranking-status')).toContainText('learned model', { timeout: 90_000 });
  await expect(page.getByTestId('ranked-row').first().getByTestId('evidence-accuracy-link')).toHaveText(
    /^[\d.,]+%$/,
    { timeout: 60_000 },
  );

  await page.goto('/?page=compare&model=llama-3-8b&hardware=nvidia-h100-sxm5-80gb,nvidia-rtx-4090');
  await expect(page.getByTestId('compare-line-layer').getByTestId('evidence-accuracy-link')).toHaveCount(2, {
    timeout: 90_000,
  });
});
