/**
 * Dependency rules `npm run check` enforces. Folders stack one way (docs/ARCHITECTURE.md):
 * layers → spec → data → design → model, train, kernels → io → worker → app.
 * Tests may reach up for fixtures; production modules may not.
 */
const notTest = '\\.test\\.tsx?$|^(src|app)/testing/';

/** A folder of src/ that must not import any of the folders above it. */
const below = (name, folder, above) => ({
  name,
  severity: 'error',
  comment: `${folder} sits below ${above.join(', ')}: it must not import them`,
  from: { path: `^src/${folder}/`, pathNot: notTest },
  to: { path: `^(src/(${above.join('|')})/|app/)` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules form a tree: a cycle, even through a type, ties two ideas into one.',
      from: {},
      to: { circular: true },
    },
    below('layers-stand-alone', 'layers', [
      'spec',
      'data',
      'design',
      'model',
      'train',
      'kernels',
      'io',
      'worker',
      'bench',
      'testing',
    ]),
    below('spec-below-data', 'spec', [
      'data',
      'design',
      'model',
      'train',
      'kernels',
      'io',
      'worker',
      'bench',
      'testing',
    ]),
    below('data-below-design', 'data', [
      'design',
      'model',
      'train',
      'kernels',
      'io',
      'worker',
      'bench',
      'testing',
    ]),
    below('design-below-engine', 'design', [
      'model',
      'train',
      'kernels',
      'io',
      'worker',
      'bench',
      'testing',
    ]),
    {
      name: 'production-not-testing',
      severity: 'error',
      comment:
        'Test helpers serve tests, benchmarks and browser tests; shipped code never imports them.',
      from: { path: '^(src|app)/', pathNot: notTest },
      to: { path: '^(src|app)/testing/' },
    },
    {
      name: 'engine-not-ui',
      severity: 'error',
      comment: 'The engine never reaches into the UI.',
      from: { path: '^src/' },
      to: { path: '^app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)(dist|dist-e2e|node_modules)/' },
  },
};
