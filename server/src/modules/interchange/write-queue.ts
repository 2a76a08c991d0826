// The importer's writes, queued so this process reads the next lines while the database
// works on the last batch (two cores, both busy on PostgreSQL). They run one after
// another in the order queued, so a SKU still follows its product and a message its
// conversation's row.

/** Writes queued and not yet answered before send() waits. */
const IN_FLIGHT = 4;

export class WriteQueue {
  /** One link per queued write; each runs after the one before and fails when any before it failed. */
  private readonly inFlight: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;

  /** Queue a write without waiting for it, unless too many are still unanswered; `then` gets its result. */
  async send<T>(write: () => Promise<T>, then: (result: T) => void = () => {}): Promise<void> {
    if (this.failure) throw this.failure.error;
    const previous = this.inFlight.at(-1) ?? Promise.resolve();
    const link = previous.then(async () => then(await write()));
    // The first failure stops the reading at the next batch; every link after it fails the same way.
    link.catch((error: unknown) => (this.failure ??= { error }));
    this.inFlight.push(link);
    // Only drain() empties the list, awaiting every link: after it nothing is unanswered.
    while (this.inFlight.length > IN_FLIGHT) await this.inFlight.shift();
  }

  /** Wait for every queued write (before reading what they wrote); the first failure is thrown. */
  async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }
}
