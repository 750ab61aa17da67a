/**
 * The arithmetic floor of the efficiency network: the same weights run as plain Float32Array loops
 * (members of relu → relu → softplus dense layers, averaged). Self-contained so it can also be sent into
 * the page with page.evaluate.
 */
export interface DenseLayer {
  kernel: number[];
  bias: number[];
  inputs: number;
  units: number;
}

/** Dense layers of models/efficiency/model.json in order (three per ensemble member). */
export function readLayers(
  modelJson: { weightsManifest: { weights: { name: string; shape: number[] }[] }[] },
  weights: ArrayBuffer,
): DenseLayer[] {
  const specs = modelJson.weightsManifest.flatMap((g) => g.weights);
  const data = new Float32Array(weights);
  const layers: DenseLayer[] = [];
  let offset = 0;
  for (let i = 0; i < specs.length; i += 2) {
    const k = specs[i]!;
    const [inputs, units] = k.shape as [number, number];
    const kernel = Array.from(data.subarray(offset, offset + inputs * units));
    offset += inputs * units;
    const bias = Array.from(data.subarray(offset, offset + units));
    offset += units;
    layers.push({ kernel, bias, inputs, units });
  }
  return layers;
}

/**
 * Score `rows` feature rows; returns the elapsed milliseconds and a checksum (so the work is not elided).
 * Each row is copied into a scratch buffer and every layer runs the same loop over whole Float32Arrays: no
 * subarray views inside the loop (they cost more than the arithmetic on older V8, Node 20) and no branch
 * in the inner product.
 */
export function floorRun(
  layers: DenseLayer[],
  x: Float32Array,
  rows: number,
): { ms: number; checksum: number } {
  // Kernels transposed to [unit][input] so the inner product walks memory in order (done before timing).
  const prepared = layers.map((l) => {
    const k = new Float32Array(l.inputs * l.units);
    for (let i = 0; i < l.inputs; i++)
      for (let j = 0; j < l.units; j++) k[j * l.inputs + i] = l.kernel[i * l.units + j]!;
    return { inputs: l.inputs, units: l.units, k, b: Float32Array.from(l.bias) };
  });
  const features = prepared[0]!.inputs;
  const width = Math.max(features, ...layers.map((l) => l.units));
  const members = prepared.length / 3;
  const row = new Float32Array(width);
  let a = new Float32Array(width);
  let c = new Float32Array(width);
  const out = new Float32Array(3);
  let checksum = 0;
  const t0 = performance.now();
  for (let r = 0; r < rows; r++) {
    const base = r * features;
    for (let i = 0; i < features; i++) row[i] = x[base + i]!;
    out.fill(0);
    for (let m = 0; m < prepared.length; m += 3) {
      let input = row;
      for (let l = 0; l < 3; l++) {
        const L = prepared[m + l]!;
        const k = L.k;
        const bias = L.b;
        const units = L.units;
        const inputs = L.inputs;
        for (let j = 0; j < units; j++) {
          let s = bias[j]!;
          const o = j * inputs;
          for (let i = 0; i < inputs; i++) s += input[i]! * k[o + i]!;
          a[j] = l < 2 ? (s > 0 ? s : 0) : Math.log1p(Math.exp(s));
        }
        input = a;
        const t = a;
        a = c;
        c = t;
      }
      for (let j = 0; j < 3; j++) out[j]! += input[j]! / members;
    }
    checksum += out[1]!;
  }
  return { ms: performance.now() - t0, checksum };
}
