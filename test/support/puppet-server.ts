import crypto from 'node:crypto';
import net from 'node:net';
import { PuppetServer } from 'wechaty-puppet-service';
import { mock, PuppetMock } from 'wechaty-puppet-mock';

/**
 * A WeChat stand-in for end-to-end tests: a PuppetMock served over a real
 * wechaty-puppet-service gRPC endpoint on loopback, with helpers to play members.
 */
export class FakeWechat {
  readonly mocker = new mock.Mocker();
  readonly puppet = new PuppetMock({ mocker: this.mocker });
  token = `insecure_test_${crypto.randomBytes(6).toString('hex')}`;
  botUser!: mock.ContactMock;
  private server?: PuppetServer;
  private heartbeat?: NodeJS.Timeout;
  endpoint = '';

  /**
   * A real puppet service sends heartbeats while the account is idle and PuppetMock sends none:
   * without them the client's watchdog resets an idle link. `heartbeats: false` makes a silent link.
   */
  constructor(private readonly options: { heartbeats?: boolean; heartbeatMs?: number } = {}) {
    // The mock's own heartbeat watchdog fires a minute after the heartbeats stop (this fake WeChat
    // stopped): an 'error' event nobody listens to would end whichever test file runs next.
    this.puppet.on('error', () => undefined);
  }

  /** Environment for the service under test to connect here. */
  get env(): Record<string, string> {
    return {
      BOT_ENABLED: 'true',
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: this.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: this.endpoint,
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      BOT_NAME: 'Bot',
      OUTBOUND_MIN_INTERVAL_MS: '0',
      OUTBOUND_JITTER_MS: '0',
      OUTBOUND_MAX_PER_MINUTE: '10000',
    };
  }

  async start(port?: number): Promise<void> {
    const usePort = port ?? (await freePort());
    this.endpoint = `127.0.0.1:${usePort}`;
    this.server = new PuppetServer({ endpoint: this.endpoint, puppet: this.puppet, token: this.token, tls: { disable: true } });
    await this.server.start();
    this.botUser ??= this.mocker.createContact({ id: 'bot-user', name: 'Bot' });
    if (this.options.heartbeats !== false) {
      this.heartbeat = setInterval(() => this.puppet.emit('heartbeat', { data: 'fake wechat heartbeat' }), this.options.heartbeatMs ?? 2000);
      this.heartbeat.unref();
    }
  }

  /** Logs the bot's account in; a no-op when it already is (the service remembers a login across client restarts). */
  login(): void {
    if (!this.puppet.isLoggedIn) this.mocker.login(this.botUser);
  }

  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    await this.server?.stop();
    this.server = undefined;
  }

  person(name: string, id?: string): mock.ContactMock {
    return this.mocker.createContact({ id: id ?? `wxid_${crypto.randomBytes(5).toString('hex')}`, name });
  }

  room(topic: string, members: mock.ContactMock[]): mock.RoomMock {
    return this.mocker.createRoom({ topic, memberIdList: [this.botUser.id, ...members.map((m) => m.id)] });
  }

  /** Collects what the bot says in a conversation (a person's private chat or a room). */
  inbox(conversation: mock.ContactMock | mock.RoomMock): Inbox {
    const inbox = new Inbox();
    conversation.on('message', (message: mock.MessageMock) => {
      if (message.talker().id === this.botUser.id) inbox.push(message.text() ?? '');
    });
    return inbox;
  }
}

export class Inbox {
  readonly messages: string[] = [];
  private waiters: Array<() => void> = [];

  push(text: string): void {
    this.messages.push(text);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits until `count` messages arrived in total (since the inbox was made), returns the newest. */
  async waitFor(count: number, timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = until - Date.now();
      if (left <= 0) throw new Error(`expected ${count} messages, got ${this.messages.length}: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages[count - 1];
  }

  /** Waits for the next message after those already seen. */
  next(timeoutMs?: number): Promise<string> {
    return this.waitFor(this.messages.length + 1, timeoutMs);
  }

  get last(): string | undefined {
    return this.messages[this.messages.length - 1];
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
