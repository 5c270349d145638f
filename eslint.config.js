import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-e2e', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine never touches the DOM and never reaches into the UI.
    files: ['src/**/*.ts'],
    languageOptions: { globals: globals.worker },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
      'no-restricted-imports': [
        'error',
        { patterns: ['**/app/**', 'react', 'react-dom', 'node:*'] },
      ],
    },
  },
  {
    // Tests and their fixtures may read files in Node.
    files: ['src/**/*.test.ts', 'src/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/app/**', 'react', 'react-dom'] }],
    },
  },
  {
    // Designs are read, checked and drawn on the page's main thread, which must not load tf.js:
    // layer modules get the engine handed in at build time (layers/layerDef.ts).
    files: ['src/layers/**/*.ts', 'src/spec/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', 'react', 'react-dom', 'node:*'],
              message: 'The engine stands alone.',
            },
            {
              group: ['@tensorflow/*', '**/model/**', '**/train/**', '**/worker/**', '**/io/**'],
              allowTypeImports: true,
              message: 'Designs stay free of tf.js and the engine at run time.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'e2e/**/*.ts',
      'scripts/**/*.ts',
      '*.config.ts',
      '*.config.js',
      '.dependency-cruiser.cjs',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(dataSync|arraySync)$/]',
          message: 'Synchronous reads break WebGPU: use `await t.data()`.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is rendered as text: no raw HTML.',
        },
        {
          selector: 'CallExpression[callee.name=/^useApp$/] > ArrowFunctionExpression',
          message:
            "Name the selector at module scope (a component's reads in one, see app/store/selectors.ts).",
        },
      ],
      // The Content-Security-Policy forbids evaluated code; so does the house.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
);
