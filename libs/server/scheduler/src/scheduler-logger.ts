/**
 * What the scheduler logs through. Shaped like pino (`log.error({ err }, 'msg')`) so a service passes
 * its @roastery/observability logger as is.
 */
export interface SchedulerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Fallback logger for scripts and tests that have no service logger. */
export const consoleSchedulerLogger: SchedulerLogger = {
  info: (obj, msg) => console.info(`[scheduler] ${msg}`, obj),
  warn: (obj, msg) => console.warn(`[scheduler] ${msg}`, obj),
  error: (obj, msg) => console.error(`[scheduler] ${msg}`, obj),
};
