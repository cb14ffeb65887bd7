/** Raised when a message does not match its contract; such a message is never written or applied. */
export class InvalidMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMessageError';
  }
}
