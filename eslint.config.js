import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '**/out/**',
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
  {
    // A failed call is shown in the reader's language, worded by its code: main's `message` is
    // English for logs. ErrorAlert (components/ErrorAlert.tsx) shows one; useErrorText() words
    // one for a notice or a state.
    files: ['src/renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...rawErrorMessages()],
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

/**
 * Selectors for an error's own `.message` (error, caught, err, reason, or any `x.error`) put on
 * screen: inside JSX, passed to notify / a set…Error / set…Notice, or kept as a `message:`.
 * A form field's `errors.name.message` (already worded by the form kit) is not matched.
 */
function rawErrorMessages() {
  const raw = [
    `MemberExpression[property.name='message'][object.type='Identifier'][object.name=/^(error|caught|err|reason)$/]`,
    `MemberExpression[property.name='message'][object.type='MemberExpression'][object.property.name='error']`,
  ];
  const places = [
    'JSXExpressionContainer',
    `CallExpression[callee.name=/^(notify|set[A-Za-z]*(Error|Notice|Message))$/]`,
    `Property[key.name='message']`,
  ];
  const message =
    "Show a failed call with <ErrorAlert error={...} /> or useErrorText()(error): an error's message is main's English, not the reader's language.";
  return places.flatMap((place) =>
    raw.map((selector) => ({ selector: `${place} ${selector}`, message })),
  );
}
