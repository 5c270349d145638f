import { sizeRefusal } from '../../spec/fileLimits';
import { CSV_LIMITS, CsvTableBuilder, type CsvTable } from './csvTable';
import { CsvError, CsvTokenizer, detectDelimiter } from './tokenizer';

/** Bytes read per slice: small enough for smooth progress, large enough to be fast. */
const CHUNK_BYTES = 1 << 20;

/** FNV-1a over bytes, continued chunk by chunk. */
function fnv1a(hash: number, bytes: Uint8Array): number {
  let h = hash;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Refuses bytes that are not text: a zero byte, or mostly undecodable UTF-8. */
function checkText(bytes: Uint8Array, text: string, offset: number): void {
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    throw new CsvError(
      `This is not a text file: it holds binary data (a zero byte at byte ${offset + zero + 1})`,
    );
  }
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  if (text.length > 0 && bad / text.length > 0.02) {
    throw new CsvError(
      `This is not a UTF-8 text file: ${bad} of the first ${text.length} characters cannot be read`,
    );
  }
}

/**
 * Parses a CSV file (header row, delimiter detected, quoted fields) slice by slice, reporting
 * progress, so a 50 MB file never holds the whole text in memory at once.
 */
export async function readCsvFile(
  blob: Blob,
  file: string,
  onProgress: (bytes: number, total: number) => void = () => undefined,
): Promise<CsvTable> {
  if (blob.size === 0) throw new CsvError(`The file '${file}' is empty`);
  const tooBig = sizeRefusal(`The file '${file}'`, blob.size, CSV_LIMITS.maxBytes);
  if (tooBig) throw new CsvError(tooBig);
  const builder = new CsvTableBuilder();
  const decoder = new TextDecoder('utf-8');
  let tokenizer: CsvTokenizer | null = null;
  let delimiter = ',';
  let hash = 0x811c9dc5;
  for (let offset = 0; offset < blob.size; offset += CHUNK_BYTES) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    const text = decoder.decode(bytes, { stream: true });
    checkText(bytes, text, offset);
    hash = fnv1a(hash, bytes);
    if (!tokenizer) {
      delimiter = detectDelimiter(text);
      tokenizer = new CsvTokenizer(delimiter, builder.add);
    }
    tokenizer.push(text);
    onProgress(Math.min(blob.size, offset + CHUNK_BYTES), blob.size);
  }
  const rest = decoder.decode();
  tokenizer?.push(rest);
  tokenizer?.end();
  return builder.finish({
    file,
    fingerprint: `${blob.size.toString(36)}-${hash.toString(36)}`,
    bytes: blob.size,
    delimiter,
  });
}
