import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'resources/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // src/shared runs in every process: it must not reach for node, electron or the DOM.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['node:*', 'electron', 'fs', 'path', 'crypto', 'react', 'react-dom', '@mui/*'],
        },
      ],
    },
  },
  // Main's services read in layers: kernel <- workspace <- the two desks <- what reads across
  // both desks (overview, interchange). An import may only point down; the desks never import
  // each other. docs/architecture.md draws the map.
  ...servicesLayer('kernel', ['workspace', 'agency', 'label', 'overview', 'interchange']),
  ...servicesLayer('workspace', ['agency', 'label', 'overview', 'interchange']),
  ...servicesLayer('agency', ['label', 'overview', 'interchange']),
  ...servicesLayer('label', ['agency', 'overview', 'interchange']),
);

/** A no-restricted-imports block forbidding services/<layer> to import the layers named. */
function servicesLayer(layer, forbidden) {
  return [
    {
      files: [`src/main/services/${layer}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: forbidden.map((other) => ({
              group: [
                `**/services/${other}/**`,
                `**/${other}/**`,
                `../${other}/**`,
                `./${other}/**`,
              ],
              message: `services/${layer} may not import services/${other}: see docs/architecture.md.`,
            })),
          },
        ],
      },
    },
  ];
}
