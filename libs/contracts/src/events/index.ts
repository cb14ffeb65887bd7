import type { EventDefinition } from './define-event';
import { partnerActivated } from './partner';
import { partnerApplicationApproved, partnerApplicationRejected, partnerApplicationSubmitted } from './partner-application';
import { userRegistered } from './user';

export * from './define-event';
export * from './partner';
export * from './partner-application';
export * from './user';

/** The one catalogue of event types on the bus. A new event is added here and nowhere else. */
export const eventCatalogue = [
  userRegistered,
  partnerApplicationSubmitted,
  partnerApplicationApproved,
  partnerApplicationRejected,
  partnerActivated,
] as const satisfies readonly EventDefinition[];

export type EventType = (typeof eventCatalogue)[number]['type'];

const byType = new Map<string, EventDefinition>(eventCatalogue.map((d) => [d.type, d]));

/** Finds the definition of an event type, or undefined for a type this build does not know. */
export function findEvent(type: string): EventDefinition | undefined {
  return byType.get(type);
}
