import { expect, test } from './fixtures.ts';
import { benchmarkRow, measuredValue, measureLab } from './lab.ts';
import { withFlags } from './launch.ts';

// Headless Chromium with --enable-unsafe-webgpu has a real software adapter (SwiftShader): probed and measured.
test.use({ launchOptions: withFlags('--enable-unsafe-webgpu') });

test('WebGPU adapter found, labelled as software, and measured', async ({ page }) => {
  test.setTimeout(180_000);
  await measureLab(page, '/?page=lab&model=mobilenetv2_100.ra_in1k');
  const adapters = page.getByRole('table', { name: 'WebGPU adapters' });
  await expect(adapters).toContainText('software (fallback adapter)');
  await expect(page.getByTestId('webgpu-message')).toHaveCount(0);

  for (const id of ['webgpu-matmul-fp32', 'webgpu-copy', 'wasm-matmul']) {
    await expect(benchmarkRow(page, id)).toHaveAttribute('data-status', 'ok');
    const v = await measuredValue(page, id);
    expect(v, id).toBeGreaterThan(0);
    expect(v, id).toBeLessThan(100_000);
  }
  await expect(benchmarkRow(page, 'webgpu-matmul-fp32')).toContainText('fallback');
  await expect(benchmarkRow(page, 'webgpu-matmul-fp32').getByTestId('benchmark-value')).not.toContainText(
    'wrong result',
  );

  // The measured profile becomes devices, travels in the URL, and gets a prediction for the model.
  const devices = page.getByRole('table', { name: "This browser's devices" });
  await expect(devices).toContainText('This browser · WebGPU (software adapter)');
  await expect(devices).toContainText('This browser · WASM');
  await expect(page).toHaveURL(/lab=1_gf/);
  await expect(page.getByTestId('browser-verdict')).toContainText(
    /Use This browser .* at fp32: [\d.,]+ ms per batch/,
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('web-fit-summary')).toContainText('fits this browser');
});
