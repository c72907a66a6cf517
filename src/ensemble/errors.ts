/** A mistake in what an ensemble was asked to do (a sweep, a shard, parts to merge): one message and a hint. */
export class EnsembleError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
