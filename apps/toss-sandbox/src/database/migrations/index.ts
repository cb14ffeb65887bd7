import { SandboxSchema1732500000000 } from './1732500000000-sandbox-schema';

/** Migrations in the order they run. */
export const migrations = [SandboxSchema1732500000000];
