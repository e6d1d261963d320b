/** The provider refused the message for good (bad address, rejected content): retrying cannot help. */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}

/** The provider could not be reached or was overloaded, even after retries: try again later. */
export class TransientMailError extends Error {
  override readonly name = 'TransientMailError';
}
