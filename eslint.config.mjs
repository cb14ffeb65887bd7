// Lint rules for the whole workspace. The module-boundary constraints are the architecture's
// rules made executable (CONVENTIONS.md): a service never sees another service's code, contracts
// import no framework, the web imports no server code.
import nx from '@nx/eslint-plugin';

// Who may import whom. `type:testing` libraries (harnesses, fixtures) are for test files only:
// the test-file block below adds them to every project's allowed list.
const depConstraints = [
            { sourceTag: 'scope:user', onlyDependOnLibsWithTags: ['scope:user', 'scope:shared'] },
            { sourceTag: 'scope:business', onlyDependOnLibsWithTags: ['scope:business', 'scope:shared'] },
            { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:system', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:sandbox', onlyDependOnLibsWithTags: ['scope:sandbox', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:server-lib', 'type:util', 'type:testing'],
            },
            {
              sourceTag: 'type:web',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:web-lib', 'type:util'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'amqplib', 'amqp-connection-manager', 'pg', 'ioredis'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:util', 'type:server-lib'] },
            {
              sourceTag: 'type:server-lib',
              onlyDependOnLibsWithTags: ['type:server-lib', 'type:contracts', 'type:util'],
              bannedExternalImports: ['react', 'react-dom', '@reduxjs/*', 'redux-saga'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:server-lib', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:web-lib', onlyDependOnLibsWithTags: ['type:web-lib', 'type:contracts', 'type:util'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'amqplib', 'react', '@reduxjs/*', 'redux-saga'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ];

function boundaryRule(inTests) {
  return {
    enforceBuildableLibDependency: false,
    allow: ['@roastery/contracts/testing'],
    depConstraints: inTests
      ? depConstraints.map((c) => (c.onlyDependOnLibsWithTags && !c.onlyDependOnLibsWithTags.includes('type:testing') && c.sourceTag !== 'type:contracts' ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] } : c))
      : depConstraints,
  };
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp', '**/*.cjs', '**/vite.config.*', 'bench/results/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaryRule(false)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Pure rules stay pure: no persistence framework inside *.rules.ts.
    files: ['**/*.rules.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['typeorm', '@nestjs/*', 'amqplib', 'ioredis'] }],
    },
  },
  {
    // Typed hooks only (redux-templates): components use app/hooks.ts.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    ignores: ['apps/web/src/app/hooks.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react-redux', importNames: ['useSelector', 'useDispatch'], message: 'Use useAppSelector / useAppDispatch from app/hooks.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.system-spec.ts', '**/*.browser-spec.ts', '**/*.chaos-spec.ts', '**/test/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaryRule(true)],
    },
  },
];
