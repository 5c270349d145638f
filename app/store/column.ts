/**
 * A column of a run's history: numbers that only ever grow at the end, stored so that appending
 * costs the new numbers only. Copying the whole history per update (what plain arrays in an
 * immutable store do) made the page's garbage, and so its GC pauses, grow with run length.
 *
 * A column is a Float64Array view of the first `length` slots of a larger buffer. Appending
 * writes past the view's end and returns a longer view of the same buffer; older views still
 * read only their own slots, so they stay what they were (the store's past states, saved
 * records). A view may append in place only while it ends where the buffer's writes end: a view
 * cut short (a rollback) or an older one copies instead, so no branch overwrites another's slots.
 */
export type Column = Float64Array;

/** How many slots of each buffer hold written values. Buffers this module did not grow are absent. */
const written = new WeakMap<ArrayBufferLike, number>();

const MIN_CAPACITY = 256;

export const emptyColumn = (): Column => new Float64Array(0);

export function appendColumn(column: Column, values: ArrayLike<number>): Column {
  if (values.length === 0) return column;
  const end = column.length + values.length;
  const { buffer } = column;
  const inPlace =
    column.byteOffset === 0 &&
    written.get(buffer) === column.length &&
    end * Float64Array.BYTES_PER_ELEMENT <= buffer.byteLength;
  let grown: Column;
  if (inPlace) {
    grown = new Float64Array(buffer, 0, end);
  } else {
    // Growing by half again keeps appends amortized O(1) and the spare room under a third.
    const full = new Float64Array(Math.max(MIN_CAPACITY, Math.ceil(end * 1.5)));
    full.set(column);
    grown = full.subarray(0, end);
  }
  grown.set(values, column.length);
  written.set(grown.buffer, end);
  return grown;
}

/** A column of exactly its own values (structured clone would otherwise store the spare room too). */
export const compactColumn = (column: Column): Column => column.slice();

/** A column from numbers kept before columns existed (plain arrays in older saved runs). */
export const toColumn = (values: ArrayLike<number>): Column =>
  values instanceof Float64Array ? values : Float64Array.from(values);
