/**
 * Models that measurement sources benchmark but no config source describes: MLPerf reference models,
 * NVIDIA DeepLearningExamples networks, torchvision CNNs missing from timm. Figures only where a source states them.
 */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { makeRow, round, type RowInit } from './row.ts';

const MLPERF = 'mlperf-inference-v4.1+v5.1:summary_results.json Model';
const DLE = 'nvidia-dle:dle_readme_tables_index.csv readme';
const TV = 'published-config:pytorch.org/vision model docs';
const NO_FIG = 'no architecture figures in the raw sources (null)';

/** Plain names (timm architecture → extra aliases) attached to the timm row that owns the architecture name. */
export const TIMM_ALIASES: Record<string, string[]> = {
  resnet50: ['ResNet-50', 'ResNet50', 'ResNet-50 v1.5', 'resnet50v1.5', 'RN50v1.5', 'rn50', 'resnet', 'resnet50-99', 'torchvision/resnet50', 'Classification/ConvNets/resnet50v1.5', 'Classification/RN50v1.5'],
  resnext101_32x4d: ['ResNeXt101-32x4d', 'Classification/ConvNets/resnext101-32x4d'],
  seresnext101_32x4d: ['SE-ResNeXt101-32x4d', 'se-resnext101-32x4d', 'Classification/ConvNets/se-resnext101-32x4d'],
  efficientnet_b0: ['EfficientNet-B0', 'EfficientNet v1-B0'],
  efficientnet_b4: ['EfficientNet-B4', 'EfficientNet v1-B4'],
  mobilenetv2_100: ['mobilenet_v2', 'MobileNet V2', 'MobileNetV2', 'mobilenet-v2-1.0', 'mobilenet-v2-precision_float-1.0-224', 'mobilenet-v2-precision_uint8-1.0-224'],
  mobilenetv2_075: ['mobilenet-v2-0.75'],
  mobilenetv2_050: ['mobilenet-v2-0.5'],
  mobilenetv2_035: ['mobilenet-v2-0.35'],
  mobilenetv1_100: ['mobilenet-v1-1.0', 'MobileNet V1', 'mobilenet_v1'],
  tf_mobilenetv3_large_100: ['mobilenet-v3-large', 'mobilenet_v3_large'],
  tf_mobilenetv3_small_100: ['mobilenet-v3-small', 'mobilenet_v3_small'],
  tf_mobilenetv3_large_minimal_100: ['mobilenet-v3-large-minimalistic'],
  tf_mobilenetv3_small_minimal_100: ['mobilenet-v3-small-minimalistic'],
  mnasnet_050: ['mnasnet0_5'],
  mnasnet_075: ['mnasnet0_75'],
  mnasnet_100: ['mnasnet1_0'],
  vit_large_patch14_clip_224: ['Xenova/clip-vit-large-patch14 (vision encoder)', 'openai/clip-vit-large-patch14 (vision tower)'],
  vit_base_patch32_clip_224: ['openai/clip-vit-base-patch32 (vision tower)'],
};

/** MLPerf open-division spellings (UsedModel) for width/resolution/precision variants, by the alias they extend. */
export function mlperfVariantAliases(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (target: string, name: string) => (out[target] = [...(out[target] ?? []), name]);
  for (const prec of ['float', 'uint8']) {
    for (const res of [128, 160, 192, 224]) {
      for (const a of ['0.25', '0.5', '0.75', '1.0']) add(`mobilenet-v1-${a}`, `mobilenet-v1-precision_${prec}-${a}-${res}`);
      for (const a of ['0.35', '0.5', '0.75', '1.0']) add(`mobilenet-v2-${a}`, `mobilenet-v2-precision_${prec}-${a}-${res}`);
    }
    for (const v of ['large', 'small', 'large-minimalistic', 'small-minimalistic']) add(`mobilenet-v3-${v}`, `mobilenet-v3-precision_${prec}-${v}-224`);
  }
  for (const prec of ['fp32', 'int8']) for (const i of [0, 1, 2, 3, 4]) add(`efficientnet-lite${i}`, `efficientnet-${prec}-lite${i}`);
  return out;
}

const r = (init: RowInit) => makeRow(init);
const tv = (id: string, name: string, family: string, params: number, gflops: number) =>
  r({ id, name, family, modality: 'vision', architecture: 'cnn', params_m: round(params / 1e6, 2), image_size: 224, gflops_per_sample: round(2 * gflops, 3), source: `${TV} (${id})`, notes: 'torchvision docs "GFLOPS" counts multiply-adds (resnet50 listed 4.09 vs timm 4.11 GMACs): doubled; not in timm' });
const mv1 = (alpha: string, params: number, macs: number) =>
  r({ id: `mobilenet-v1-${alpha}`, name: `MobileNet v1 ${alpha}`, family: 'mobilenet', modality: 'vision', architecture: 'cnn', params_m: params, image_size: 224, gflops_per_sample: round((2 * macs) / 1000, 3), source: 'published-config:arXiv:1704.04861 Table 6', notes: 'params and mult-adds at 224 px as stated in the MobileNet paper; MLPerf open TFLite variants at 128-224 px aliased (image size is a measurement field)' });

/** Curated rows (MLPerf, DLE, Lambda, torchvision-only CNNs, browser demos). */
export function buildBenchModels(): ModelRow[] {
  const x = (id: string, name: string, family: string, modality: string, architecture: string, aliases: string[], source: string, notes: string, extra: Partial<RowInit> = {}) =>
    r({ id, name, family, modality, architecture, aliases, source, notes, ...extra });
  return [
    x('retinanet-resnext50-fpn', 'RetinaNet ResNeXt50-32x4d FPN', 'retinanet', 'vision', 'cnn', ['retinanet', 'retinanet-99', 'RetinaNet'], MLPERF, `MLPerf object detection reference (OpenImages, 800×800 input); ${NO_FIG}`, { image_size: 800 }),
    x('3d-unet-kits19', '3D U-Net (KiTS19)', 'unet', 'vision', 'cnn', ['3d-unet', '3d-unet-99', '3d-unet-99.9', '3D-UNet'], MLPERF, `MLPerf medical segmentation reference; ${NO_FIG}`),
    x('rnnt', 'RNN-T (MLPerf speech)', 'rnnt', 'audio', 'other', ['rnnt', 'rnn-t', 'rnnt-99'], MLPERF, `MLPerf speech-to-text reference in earlier rounds; ${NO_FIG}`),
    x('dlrm-v2', 'DLRM-DCNv2 (MLPerf)', 'dlrm', 'recommendation', 'other', ['dlrm-v2', 'dlrm-v2-99', 'dlrm-v2-99.9', 'dlrmv2', 'dlrm-dcnv2'], MLPERF, `MLPerf recommendation reference (Criteo 4TB, DCNv2); ${NO_FIG}`),
    x('stable-diffusion-xl', 'Stable Diffusion XL base 1.0', 'stable-diffusion', 'multimodal', 'other', ['stable-diffusion-xl', 'sdxl', 'stabilityai/stable-diffusion-xl-base-1.0', 'stable-diffusion-xl-99'], MLPERF, `MLPerf text-to-image reference (UNet + 2 text encoders + VAE, 1024×1024); ${NO_FIG}`, { image_size: 1024 }),
    x('rgat', 'R-GAT (IGBH)', 'gnn', 'other', 'other', ['rgat', 'r-gat', 'rgat-99'], MLPERF, `MLPerf v5.1 graph neural network reference; ${NO_FIG}`),
    x('pointpainting', 'PointPainting', 'pointpainting', 'vision', 'other', ['pointpainting', 'pointpainting-99'], MLPERF, `MLPerf v5.1 automotive 3D detection reference; ${NO_FIG}`),
    x('mobilebert', 'MobileBERT', 'bert', 'text', 'encoder-only', ['google/mobilebert-uncased', 'mobilebert-none-base-none-bert-99', 'mobilebert-base_quant-none-bert-99'], 'mlperf-inference-v4.1:summary_results.json UsedModel', `MLPerf v4.1 open-division dense MobileBERT; ${NO_FIG}`),
    mv1('0.25', 0.5, 41),
    mv1('0.5', 1.3, 149),
    mv1('0.75', 2.6, 325),
    x('ssd300', 'SSD300 (ResNet-50 backbone)', 'ssd', 'vision', 'cnn', ['SSD300', 'SSD', 'ssd', 'SSD300 v1.1', 'Detection/SSD'], `${DLE} PyTorch/Detection/SSD; lambda:ssd`, `DLE SSD300 v1.1 (Lambda 'ssd' trains this example); ${NO_FIG}`, { image_size: 300 }),
    x('mask-rcnn', 'Mask R-CNN (ResNet-50 FPN)', 'mask-rcnn', 'vision', 'cnn', ['maskrcnn', 'Mask R-CNN', 'MaskRCNN', 'Segmentation/MaskRCNN'], `${DLE} PyTorch/Segmentation/MaskRCNN; lambda:maskrcnn`, NO_FIG),
    x('efficientdet-d0', 'EfficientDet-D0', 'efficientdet', 'vision', 'cnn', ['EfficientDet', 'Efficientdet', 'Detection/Efficientdet'], `${DLE} TensorFlow2/Detection/Efficientdet`, NO_FIG),
    x('efficientnet-widese-b0', 'EfficientNet-WideSE-B0', 'efficientnet', 'vision', 'cnn', ['EfficientNet-WideSE-B0', 'widese-b0'], `${DLE} PyTorch/Classification/ConvNets/efficientnet`, NO_FIG),
    x('efficientnet-widese-b4', 'EfficientNet-WideSE-B4', 'efficientnet', 'vision', 'cnn', ['EfficientNet-WideSE-B4', 'widese-b4'], `${DLE} PyTorch/Classification/ConvNets/efficientnet`, NO_FIG),
    x('gpunet', 'GPUNet', 'gpunet', 'vision', 'cnn', ['GPUNet', 'Classification/GPUNet'], `${DLE} PyTorch/Classification/GPUNet`, `family of NAS networks (GPUNet-0…3, -P, -D); ${NO_FIG}`),
    x('unet-medical', 'U-Net (medical, 2D)', 'unet', 'vision', 'cnn', ['UNet_Medical', 'U-Net Medical', 'Segmentation/UNet_Medical'], `${DLE} TensorFlow2/Segmentation/UNet_Medical`, NO_FIG),
    x('unet-industrial', 'U-Net (industrial)', 'unet', 'vision', 'cnn', ['UNet_Industrial', 'U-Net Industrial', 'Segmentation/UNet_Industrial'], `${DLE} TensorFlow/Segmentation/UNet_Industrial`, NO_FIG),
    x('unet-3d-medical', '3D U-Net (BraTS, DLE)', 'unet', 'vision', 'cnn', ['UNet_3D_Medical', '3D U-Net Medical', 'Segmentation/UNet_3D_Medical'], `${DLE} TensorFlow/Segmentation/UNet_3D_Medical`, NO_FIG),
    x('unet3plus', 'UNet 3+', 'unet', 'vision', 'cnn', ['UNet3P', 'UNet 3+', 'Segmentation/Contrib/UNet3P'], `${DLE} TensorFlow2/Segmentation/Contrib/UNet3P`, NO_FIG),
    x('nnunet', 'nnU-Net', 'unet', 'vision', 'cnn', ['nnUNet', 'nnU-Net', 'Segmentation/nnUNet'], `${DLE} PyTorch/Segmentation/nnUNet`, NO_FIG),
    x('nnunet-2d', 'nnU-Net 2D', 'unet', 'vision', 'cnn', ['nnUNet 2D', 'nnU-Net 2D'], `${DLE} PyTorch/Segmentation/nnUNet; TensorFlow2/Segmentation/nnUNet`, `2D U-Net configuration of the DLE nnU-Net (--dim 2; tables' Dimension column = 2); ${NO_FIG}`),
    x('nnunet-3d', 'nnU-Net 3D', 'unet', 'vision', 'cnn', ['nnUNet 3D', 'nnU-Net 3D'], `${DLE} PyTorch/Segmentation/nnUNet; TensorFlow2/Segmentation/nnUNet`, `3D U-Net configuration of the DLE nnU-Net (--dim 3; tables' Dimension column = 3); ${NO_FIG}`),
    x('vnet', 'V-Net', 'unet', 'vision', 'cnn', ['VNet', 'V-Net', 'Segmentation/VNet'], `${DLE} TensorFlow/Segmentation/VNet`, NO_FIG),
    x('transformer-xl-base', 'Transformer-XL Base', 'transformer-xl', 'text', 'decoder-only', ['transformerxlbase', 'Transformer-XL', 'Transformer-XL Base', 'LanguageModeling/Transformer-XL'], `${DLE} PyTorch/LanguageModeling/Transformer-XL; lambda:transformerxlbase`, `bare 'Transformer-XL' resolves to the base model; ${NO_FIG}`),
    x('transformer-xl-large', 'Transformer-XL Large', 'transformer-xl', 'text', 'decoder-only', ['transformerxllarge', 'Transformer-XL Large'], `${DLE} PyTorch/LanguageModeling/Transformer-XL; lambda:transformerxllarge`, NO_FIG),
    x('transformer-big-wmt', 'Transformer (big, WMT En-De)', 'transformer', 'text', 'encoder-decoder', ['Transformer', 'Translation/Transformer'], `${DLE} PyTorch/Translation/Transformer`, NO_FIG),
    x('gnmt-v2', 'GNMT v2', 'gnmt', 'text', 'encoder-decoder', ['gnmt', 'GNMT', 'Translation/GNMT'], `${DLE} PyTorch/Translation/GNMT; lambda:gnmt`, `LSTM encoder-decoder; ${NO_FIG}`),
    x('bart-large', 'BART-large', 'bart', 'text', 'encoder-decoder', ['BART', 'facebook/bart-large', 'LanguageModeling/BART'], `${DLE} PyTorch/LanguageModeling/BART`, NO_FIG),
    x('electra-base', 'ELECTRA-base', 'electra', 'text', 'encoder-only', ['ELECTRA', 'google/electra-base-discriminator', 'LanguageModeling/ELECTRA'], `${DLE} TensorFlow2/LanguageModeling/ELECTRA`, `bare 'ELECTRA' resolves to base; ${NO_FIG}`),
    x('electra-large', 'ELECTRA-large', 'electra', 'text', 'encoder-only', ['ELECTRA-large', 'google/electra-large-discriminator'], `${DLE} TensorFlow2/LanguageModeling/ELECTRA`, NO_FIG),
    x('ncf', 'NCF (NeuMF)', 'ncf', 'recommendation', 'other', ['ncf', 'NCF', 'NeuMF', 'Recommendation/NCF'], `${DLE} PyTorch/Recommendation/NCF; lambda:ncf`, NO_FIG),
    x('dlrm', 'DLRM (DLE)', 'dlrm', 'recommendation', 'other', ['DLRM', 'Recommendation/DLRM'], `${DLE} PyTorch/Recommendation/DLRM`, `original DLRM (not MLPerf DCNv2); ${NO_FIG}`),
    x('wide-and-deep', 'Wide & Deep', 'wide-and-deep', 'recommendation', 'other', ['WideAndDeep', 'Wide&Deep', 'Recommendation/WideAndDeep'], `${DLE} TensorFlow2/Recommendation/WideAndDeep`, NO_FIG),
    x('sim', 'SIM (Search-based Interest Model)', 'sim', 'recommendation', 'other', ['SIM', 'Recommendation/SIM'], `${DLE} TensorFlow2/Recommendation/SIM`, NO_FIG),
    x('vae-cf', 'VAE-CF', 'vae-cf', 'recommendation', 'other', ['VAE-CF', 'Recommendation/VAE-CF'], `${DLE} TensorFlow/Recommendation/VAE-CF`, NO_FIG),
    x('tft', 'Temporal Fusion Transformer', 'tft', 'other', 'other', ['TFT', 'Forecasting/TFT'], `${DLE} PyTorch/Forecasting/TFT`, NO_FIG),
    x('se3-transformer', 'SE(3)-Transformer', 'se3-transformer', 'other', 'other', ['SE3Transformer', 'SE(3)-Transformer', 'DrugDiscovery/SE3Transformer'], `${DLE} DGLPyTorch/DrugDiscovery/SE3Transformer`, NO_FIG),
    x('moflow', 'MoFlow', 'moflow', 'other', 'other', ['MoFlow', 'DrugDiscovery/MoFlow'], `${DLE} PyTorch/DrugDiscovery/MoFlow`, NO_FIG),
    x('tacotron2', 'Tacotron 2', 'tacotron', 'audio', 'encoder-decoder', ['tacotron2', 'Tacotron2', 'Tacotron 2', 'SpeechSynthesis/Tacotron2'], `${DLE} PyTorch/SpeechSynthesis/Tacotron2; lambda:tacotron2`, NO_FIG),
    x('waveglow', 'WaveGlow', 'waveglow', 'audio', 'other', ['waveglow', 'WaveGlow'], `${DLE} PyTorch/SpeechSynthesis/Tacotron2; lambda:waveglow`, NO_FIG),
    x('fastpitch', 'FastPitch', 'fastpitch', 'audio', 'other', ['FastPitch', 'SpeechSynthesis/FastPitch'], `${DLE} PyTorch/SpeechSynthesis/FastPitch`, NO_FIG),
    x('hifigan', 'HiFi-GAN', 'hifigan', 'audio', 'other', ['HiFiGAN', 'HiFi-GAN', 'SpeechSynthesis/HiFiGAN'], `${DLE} PyTorch/SpeechSynthesis/HiFiGAN`, NO_FIG),
    x('tacotron2-waveglow', 'Tacotron 2 + WaveGlow (TTS pipeline)', 'tacotron', 'audio', 'other', ['Tacotron2 + WaveGlow', 'Tacotron 2 + WaveGlow'], `${DLE} PyTorch/SpeechSynthesis/Tacotron2`, `text-to-speech pipeline: DLE inference tables time Tacotron 2 (mel) followed by WaveGlow (audio) end to end; params would be the sum of both components, neither stated in the sources; ${NO_FIG}`),
    x('fastpitch-hifigan', 'FastPitch + HiFi-GAN (TTS pipeline)', 'fastpitch', 'audio', 'other', ['FastPitch + HiFi-GAN'], `${DLE} PyTorch/SpeechSynthesis/FastPitch`, `text-to-speech pipeline: DLE inference tables time FastPitch (mel) followed by HiFi-GAN (audio, denoising) end to end; params would be the sum of both components, neither stated in the sources; ${NO_FIG}`),
    x('fastpitch-waveglow', 'FastPitch + WaveGlow (TTS pipeline)', 'fastpitch', 'audio', 'other', ['FastPitch + WaveGlow'], `${DLE} PyTorch/SpeechSynthesis/FastPitch`, `text-to-speech pipeline: DLE inference tables time FastPitch followed by a 256-channel WaveGlow (README) end to end; params would be the sum of both components, neither stated in the sources; ${NO_FIG}`),
    x('fastspeech', 'FastSpeech', 'fastspeech', 'audio', 'other', ['FastSpeech', 'CUDA-Optimized/FastSpeech'], `${DLE} CUDA-Optimized/FastSpeech`, NO_FIG),
    x('jasper', 'Jasper', 'jasper', 'audio', 'cnn', ['Jasper', 'SpeechRecognition/Jasper'], `${DLE} PyTorch/SpeechRecognition/Jasper`, NO_FIG),
    x('quartznet', 'QuartzNet', 'quartznet', 'audio', 'cnn', ['QuartzNet', 'SpeechRecognition/QuartzNet'], `${DLE} PyTorch/SpeechRecognition/QuartzNet`, NO_FIG),
    x('tfjs-face-detector', 'TF.js Face Detector', 'blazeface', 'vision', 'cnn', ['Face Detector'], 'tfjs-wasm-backend-bench:tfjs_wasm_webgl_js_latency.csv', 'params 0.1M and ~20M mult-adds as stated by the tfjs README (doubled for FLOPs)', { params_m: 0.1, gflops_per_sample: 0.04 }),
    x('lfm2.5-1.2b', 'LFM2.5-1.2B', 'lfm', 'text', 'hybrid', ['LFM2.5-1.2B-Instruct', 'LiquidAI/LFM2.5-1.2B-Instruct-GGUF'], 'webgpu-llamacpp-browser-bench:webgpu_llamacpp_browser_results.csv model', `hybrid convolution + attention LM; ${NO_FIG}`),
    tv('shufflenet_v2_x0_5', 'ShuffleNetV2 x0.5', 'shufflenet', 1366792, 0.04),
    tv('shufflenet_v2_x1_0', 'ShuffleNetV2 x1.0', 'shufflenet', 2278604, 0.14),
    tv('shufflenet_v2_x1_5', 'ShuffleNetV2 x1.5', 'shufflenet', 3503624, 0.3),
    tv('shufflenet_v2_x2_0', 'ShuffleNetV2 x2.0', 'shufflenet', 7393996, 0.58),
    tv('squeezenet1_0', 'SqueezeNet 1.0', 'squeezenet', 1248424, 0.82),
    tv('squeezenet1_1', 'SqueezeNet 1.1', 'squeezenet', 1235496, 0.35),
    tv('mnasnet1_3', 'MNASNet 1.3', 'mnasnet', 6282256, 0.53),
  ];
}
