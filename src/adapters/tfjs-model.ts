/**
 * The learned efficiency model on tfjs (Node and browser): load from model.json + weights.bin bytes, save
 * the same pair, and score feature rows in batches. The network outputs quantiles of t = −ln(efficiency);
 * this adapter returns log-efficiency quantiles (q10, q50, q90) as the engine expects.
 */
import type * as TF from '@tensorflow/tfjs';
import { FEATURE_COUNT } from '../core/predict/featurize.ts';
import type { EfficiencyModel } from '../core/predict/types.ts';

export interface ModelFiles {
  /** Parsed model.json: `modelTopology` and `weightsManifest` as tfjs writes them. */
  modelJson: {
    modelTopology: unknown;
    weightsManifest: { paths: string[]; weights: TF.io.WeightsManifestEntry[] }[];
  };
  weights: ArrayBuffer;
}

const CHUNK = 16384;

export class TfjsEfficiencyModel implements EfficiencyModel {
  private constructor(
    private readonly tf: typeof TF,
    readonly model: TF.LayersModel,
  ) {}

  static async load(tf: typeof TF, files: ModelFiles): Promise<TfjsEfficiencyModel> {
    const weightSpecs = files.modelJson.weightsManifest.flatMap((g) => g.weights);
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: files.modelJson.modelTopology as TF.io.ModelJSON['modelTopology'],
        weightSpecs,
        weightData: files.weights,
      }),
    );
    return new TfjsEfficiencyModel(tf, model);
  }

  static wrap(tf: typeof TF, model: TF.LayersModel): TfjsEfficiencyModel {
    return new TfjsEfficiencyModel(tf, model);
  }

  predict(features: Float32Array, rows: number): Float32Array {
    const out = new Float32Array(rows * 3);
    for (let start = 0; start < rows; start += CHUNK) {
      const n = Math.min(CHUNK, rows - start);
      const t = this.tf.tidy(() => {
        const x = this.tf.tensor2d(features.subarray(start * FEATURE_COUNT, (start + n) * FEATURE_COUNT), [
          n,
          FEATURE_COUNT,
        ]);
        // One batch per chunk: LayersModel.predict otherwise slices into batches of 32 (≈30× slower here).
        return (this.model.predict(x, { batchSize: n }) as TF.Tensor).dataSync() as Float32Array;
      });
      for (let i = 0; i < n; i++) {
        const o = (start + i) * 3;
        // Quantiles of t reverse into quantiles of ln(efficiency) = −t.
        out[o] = -t[3 * i + 2]!;
        out[o + 1] = -t[3 * i + 1]!;
        out[o + 2] = -t[3 * i]!;
      }
    }
    return out;
  }

  /** Serialize as model.json (weights in one `weights.bin`) + the weight bytes. */
  async save(): Promise<{ modelJson: string; weights: Uint8Array }> {
    let result: { modelJson: string; weights: Uint8Array } | null = null;
    await this.model.save(
      this.tf.io.withSaveHandler(async (a) => {
        const data = a.weightData as ArrayBuffer;
        result = {
          modelJson: JSON.stringify({
            format: 'layers-model',
            generatedBy: 'rooflight train',
            modelTopology: a.modelTopology,
            weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }],
          }),
          weights: new Uint8Array(data),
        };
        return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
      }),
    );
    if (!result) throw new Error('tfjs did not hand over the model artifacts');
    return result;
  }
}
