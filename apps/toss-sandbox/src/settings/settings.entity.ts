import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SettingsPatch } from './sandbox-settings';

/** The one row of run-time setting changes, so they survive a restart. */
@Entity('sandbox_settings')
export class SettingsEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'jsonb' })
  overrides: SettingsPatch;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
