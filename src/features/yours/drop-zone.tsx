import { useId, useState, type DragEvent } from 'react';
import { MAX_IMPORT_BYTES } from '../../core/import/decode.ts';

const ACCEPT = '.csv,.tsv,.txt,.json,.jsonl,.md,.markdown,.parquet';

/** Drop a file, or choose one; one file at a time. */
export function DropZone({ onFile, disabled }: { onFile: (f: File) => void; disabled: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={`drop-zone${over ? ' drop-over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        Drop a benchmark file here, or{' '}
        <label htmlFor={id} className={`file-button${disabled ? ' disabled' : ''}`}>
          choose a file
        </label>
        <input
          id={id}
          type="file"
          className="visually-hidden"
          accept={ACCEPT}
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
      </p>
      <p className="muted">
        CSV, TSV, JSON, JSON Lines, Markdown or Parquet, up to {MAX_IMPORT_BYTES / 1024 / 1024} MB:
        llama-bench, timm benchmark.py, vLLM benchmark_serving, trtllm-bench, MLPerf summary_results.json,
        Rooflight&rsquo;s own exports, or any table (you map its columns). Read here, never uploaded.
      </p>
    </div>
  );
}
