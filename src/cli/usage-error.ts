/** A bad command-line argument: main.ts prints the message with the usage text and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
