import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { tossError } from '../common/toss-errors';
import { SANDBOX_OPTIONS, type SandboxModuleOptions } from '../sandbox-options';
import { applySettings, DEFAULT_SETTINGS, settingsPatchSchema, type SandboxSettings, type SettingsPatch } from './sandbox-settings';
import { SettingsEntity } from './settings.entity';

const ROW_ID = 1;

/**
 * Holds the effective settings: defaults, then the boot options, then changes made at run time
 * (persisted, so they win after a restart).
 */
@Injectable()
export class SettingsService implements OnModuleInit {
  private persisted: SettingsPatch = {};
  private effective: SandboxSettings;

  constructor(
    @InjectRepository(SettingsEntity) private readonly repo: Repository<SettingsEntity>,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxModuleOptions,
  ) {
    this.effective = applySettings(DEFAULT_SETTINGS, options.settings ?? {});
  }

  async onModuleInit(): Promise<void> {
    const row = await this.repo.findOneBy({ id: ROW_ID });
    this.persisted = row?.overrides ?? {};
    this.recompute();
  }

  /** The settings in force now. */
  get current(): SandboxSettings {
    return this.effective;
  }

  /** Validates and persists a partial change; returns the new effective settings. */
  async patch(input: unknown): Promise<SandboxSettings> {
    const parsed = settingsPatchSchema.safeParse(input);
    if (!parsed.success) throw tossError('INVALID_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const next = { ...this.persisted, ...parsed.data, faults: { ...this.persisted.faults, ...parsed.data.faults } };
    await this.repo.save({ id: ROW_ID, overrides: next, updatedAt: new Date() });
    this.persisted = next;
    this.recompute();
    return this.effective;
  }

  /** Forgets every run-time change (boot options and defaults apply again). */
  async reset(): Promise<SandboxSettings> {
    await this.repo.delete({ id: ROW_ID });
    this.persisted = {};
    this.recompute();
    return this.effective;
  }

  private recompute(): void {
    this.effective = applySettings(DEFAULT_SETTINGS, this.options.settings ?? {}, this.persisted);
  }
}
