/** A Python string literal. */
export const py = (s: string): string => JSON.stringify(s);

/** A Python boolean. */
export const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** The `name=...` argument every Keras layer call ends with. */
export const pyName = (name: string): string => `name=${py(name)}`;

/** A Python tuple of numbers: `(3,)`, `(6, 6, 8)`. */
export const pyTuple = (xs: readonly number[]): string =>
  `(${xs.join(', ')}${xs.length === 1 ? ',' : ''})`;
