/**
 * Whose turn it is among conversations with messages waiting: the one served longest ago (or
 * never). One member asking for twenty answer sheets then waits behind everyone else's first
 * message instead of filling the account's send budget before them.
 */
export class FairTurns {
  private readonly lastServed = new Map<string, number>();
  private turn = 0;

  constructor(private readonly remembered = 100_000) {}

  /** Index of the conversation to serve among `waiting`, given oldest message first. */
  pick(waiting: ReadonlyArray<{ conversation: string }>): number {
    let best = -1;
    let bestServed = Infinity;
    for (let i = 0; i < waiting.length; i++) {
      const served = this.lastServed.get(waiting[i].conversation) ?? -1;
      if (served < bestServed) {
        best = i;
        bestServed = served;
        if (served === -1) break;
      }
    }
    return best;
  }

  served(conversation: string): void {
    this.lastServed.delete(conversation);
    this.lastServed.set(conversation, ++this.turn);
    if (this.lastServed.size > this.remembered) {
      const oldest = this.lastServed.keys().next().value;
      if (oldest !== undefined) this.lastServed.delete(oldest);
    }
  }
}
