import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * Holds "very slow" charges. Tests release them early through /sandbox/pending-charges so they
 * can observe the in-flight state without sleeping; shutdown releases them too.
 */
@Injectable()
export class SlowChargeGate implements OnModuleDestroy {
  private readonly waiting = new Set<() => void>();

  /** Waits `ms`, or less if released. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
    });
  }

  /** How many charges are being held. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Lets every held charge continue; returns how many there were. */
  releaseAll(): number {
    const held = [...this.waiting];
    for (const release of held) release();
    return held.length;
  }

  onModuleDestroy(): void {
    this.releaseAll();
  }
}
