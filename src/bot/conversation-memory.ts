/** Short-lived per-member context of a conversation: offered suggestions, a bind awaiting confirmation. */
export interface MemberContext {
  suggestions?: { entryIds: string[]; sample: string };
  pendingBind?: { unitIds: number[]; names: string[] };
}

const TTL_MS = 15 * 60_000;
const MAX_MEMBERS = 100_000;

export class ConversationMemory {
  private readonly contexts = new Map<string, { value: MemberContext; at: number }>();

  get(key: string, now = Date.now()): MemberContext {
    const hit = this.contexts.get(key);
    if (!hit || hit.at < now - TTL_MS) return {};
    return hit.value;
  }

  set(key: string, value: MemberContext, now = Date.now()): void {
    this.contexts.delete(key);
    this.contexts.set(key, { value, at: now });
    if (this.contexts.size > MAX_MEMBERS) {
      const oldest = this.contexts.keys().next().value;
      if (oldest !== undefined) this.contexts.delete(oldest);
    }
  }

  clear(key: string): void {
    this.contexts.delete(key);
  }
}
