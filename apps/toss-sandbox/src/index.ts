export { bootstrapSandbox, DEFAULT_SANDBOX_DATABASE_URL, type RunningSandbox, type SandboxBootOptions } from './bootstrap';
export { systemClock, type Clock } from './clock';
export { dropDatabase, ensureDatabase } from './database/ensure-database';
export { CARD_OUTCOMES, TEST_CARDS, type CardOutcome } from './billing/test-cards';
export type { Faults, SandboxSettings, SettingsPatch } from './settings/sandbox-settings';
