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
 * Index arithmetic only inside the loop (no subarray views, no allocation): typed-array views cost more than
 * the arithmetic on older V8 (Node 20), which made an earlier version of this floor 10× slower there.
 */
export function floorRun(
  layers: DenseLayer[],
  x: Float32Array,
  rows: number,
): { ms: number; checksum: number } {
  const prepared = layers.map((l) => ({
    inputs: l.inputs,
    units: l.units,
    k: Float32Array.from(l.kernel),
    b: Float32Array.from(l.bias),
  }));
  const width = Math.max(...layers.map((l) => l.units));
  const features = prepared[0]!.inputs;
  const members = prepared.length / 3;
  let a = new Float32Array(width);
  let c = new Float32Array(width);
  const out = new Float32Array(3);
  let checksum = 0;
  const t0 = performance.now();
  for (let r = 0; r < rows; r++) {
    out.fill(0);
    for (let m = 0; m < prepared.length; m += 3) {
      // Layer 0 reads the row straight from x; later layers read the previous layer's output (c).
      for (let l = 0; l < 3; l++) {
        const L = prepared[m + l]!;
        const k = L.k;
        const units = L.units;
        const inputs = L.inputs;
        for (let j = 0; j < units; j++) {
          let s = L.b[j]!;
          if (l === 0) {
            const base = r * features;
            for (let i = 0; i < inputs; i++) s += x[base + i]! * k[i * units + j]!;
          } else for (let i = 0; i < inputs; i++) s += c[i]! * k[i * units + j]!;
          a[j] = l < 2 ? (s > 0 ? s : 0) : Math.log1p(Math.exp(s));
        }
        [a, c] = [c, a];
      }
      for (let j = 0; j < 3; j++) out[j]! += c[j]! / members;
    }
    checksum += out[1]!;
  }
  return { ms: performance.now() - t0, checksum };
}
