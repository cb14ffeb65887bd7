// Runs TypeScript sources directly (apps and workspace libs) with SWC: decorators and their
// metadata are emitted, which NestJS's dependency injection needs. See docs/adr/0002.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.base.json');
require('@swc-node/register');
