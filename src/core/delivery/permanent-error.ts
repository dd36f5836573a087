/** A delivery failure that retrying cannot fix: the worker marks the message dead at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
