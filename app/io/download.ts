import { WEIGHTS_FILE } from '../../src/io/exportFiles';

/** Saves one file through the browser's download mechanism. */
export function downloadFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download may still be reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads an exported model as `model.json` and `weights.bin`, the files `tf.loadLayersModel` reads. */
export function downloadExport(exported: { modelJson: string; weightData: ArrayBuffer }): void {
  downloadFile('model.json', new Blob([exported.modelJson], { type: 'application/json' }));
  downloadFile(WEIGHTS_FILE, new Blob([exported.weightData], { type: 'application/octet-stream' }));
}
