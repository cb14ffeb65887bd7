import type { Clock } from './clock';
import type { SettingsPatch } from './settings/sandbox-settings';

/** What bootstrapSandbox hands to the Nest module. */
export interface SandboxModuleOptions {
  databaseUrl: string;
  clock: Clock;
  /** Boot-time settings (run-time changes persisted in the database take precedence). */
  settings?: SettingsPatch;
  /** How often the webhook dispatcher looks for due deliveries. */
  webhookPollMs: number;
}

/** Nest injection token of the SandboxModuleOptions. */
export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');
