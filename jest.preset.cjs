// Shared jest settings: SWC transpiles TypeScript with decorator metadata (NestJS needs it).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // ESM-only packages that CommonJS code requires (Node 20.19+ can; jest's runtime cannot):
  // let SWC turn them into CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
  setupFiles: ['reflect-metadata'],
};
