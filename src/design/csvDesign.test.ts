import { describe, expect, it } from 'vitest';
import { taskNameFor } from './csvDesign';
import { TASK_NAME_PATTERN } from '../spec/naming';

describe('task names from CSV columns', () => {
  it('keeps what it can of the column name, in the safe alphabet, unique', () => {
    const taken = new Set<string>();
    const names = [
      'body mass (g)',
      '2nd score',
      'shared_units',
      'prix €',
      '€€€',
      'body mass (g)',
      'a'.repeat(40),
    ].map((c) => taskNameFor(c, taken));
    expect(names).toEqual([
      'body_mass_g',
      't_2nd_score',
      't_shared_units',
      'prix',
      'task',
      'body_mass_g_2',
      'a'.repeat(28),
    ]);
    for (const n of names) expect(n).toMatch(TASK_NAME_PATTERN);
  });
});
