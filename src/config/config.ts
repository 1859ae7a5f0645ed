import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `expected a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));

const fraction = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'expected a number between 0 and 1')
  .transform(Number);

const token = z.string().min(12, 'expected at least 12 characters (use a long random value)');

/** Every setting the service reads, with its default. Unset and empty variables take the default. */
const schema = z.object({
  PORT: int(1, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: int(100, 600000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(100, 3600000).default(15000),
  /** Messages kept while the database is unreachable, answered once it is back; beyond this the oldest are dropped. */
  INBOUND_HOLD_MAX: int(1, 1000000).default(10000),
  ADMIN_TOKEN: token.optional(),
  STATS_TOKEN: token.optional(),
  /** Requests a client may make per minute to the routes anyone can call (questions, web quiz pages). */
  PUBLIC_RATE_LIMIT_PER_MINUTE: int(1, 100000).default(60),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (hops to trust, 0 = none). */
  TRUST_PROXY_HOPS: int(0, 10).default(0),
  /** The address members' phones reach the service at, such as https://quiz.example.org; without it the web quiz channel is off. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'expected an http(s):// address without query, such as https://quiz.example.org')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** Signs the web quiz links; unset, one is generated and kept in DATA_DIR (several instances need it set, the same on each). */
  WEB_LINK_SECRET: z.string().min(32, 'expected at least 32 characters (use a long random value)').optional(),
  LOG_FORMAT: z.enum(['text', 'json']).default('text'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),

  WECHATY_PUPPET: z.enum(['wechaty-puppet-service', 'wechaty-puppet-mock']).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/, 'expected host:port')
    .optional(),
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: bool.default(false),
  WECHATY_PUPPET_SERVICE_TIMEOUT_SECONDS: int(5, 3600).default(60),
  BOT_NAME: z.string().min(1).default('统战小助手'),
  BOT_ADMINS: z
    .string()
    .default('')
    .transform((v) => v.split(/[,\s]+/).filter(Boolean)),
  BOT_ENABLED: bool.default(true),
  /** Names this WeChat account in the shared outbound queue when several instances share one database. */
  BOT_ACCOUNT: z.string().regex(/^[\w.-]{1,64}$/, 'expected letters, digits, . _ or -').default('main'),

  OUTBOUND_MIN_INTERVAL_MS: int(0, 600000).default(1000),
  OUTBOUND_JITTER_MS: int(0, 600000).default(500),
  OUTBOUND_MAX_PER_MINUTE: int(1, 10000).default(40),
  OUTBOUND_MAX_TRIES: int(1, 100).default(6),
  FLOOD_MAX_PER_MINUTE: int(1, 1000).default(20),
  REPLY_MAX_CHARS: int(100, 5000).default(600),

  QA_ANSWER_THRESHOLD: fraction.default(0.56),
  QA_SUGGEST_THRESHOLD: fraction.default(0.35),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  QUIZZES_DIR: z.string().min(1).default('./quizzes'),

  TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'expected an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  QUIZ_TICK_MS: int(50, 600000).default(2000),
  REMINDER_MINUTES_BEFORE_CLOSE: int(0, 100000).default(60),
  REMINDER_PARTICIPATION_THRESHOLD: fraction.default(0.5),
  /** When each open round's daily digest is posted into its rooms, HH:mm in TIMEZONE; unset: none. */
  DIGEST_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm, such as 18:00')
    .optional(),
  /** Rankings posted in chat show members' full names (default: masked as 张*). */
  RANKING_FULL_NAMES: bool.default(false),
});

export type AppConfig = z.output<typeof schema>;

export class ConfigError extends Error {}

/** Reads the settings; a wrong value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') input[key] = value.trim();
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'configuration');
    const shown = input[name] !== undefined && !/TOKEN|URL|SECRET/.test(name) ? ` (got "${input[name]}")` : '';
    throw new ConfigError(`invalid ${name}: ${issue.message}${shown}`);
  }
  const config = parsed.data;
  if (config.QA_SUGGEST_THRESHOLD > config.QA_ANSWER_THRESHOLD) {
    throw new ConfigError('invalid QA_SUGGEST_THRESHOLD: must not exceed QA_ANSWER_THRESHOLD');
  }
  if (config.ADMIN_TOKEN && config.ADMIN_TOKEN === config.STATS_TOKEN) {
    throw new ConfigError('invalid STATS_TOKEN: must differ from ADMIN_TOKEN');
  }
  return config;
}

/**
 * How the bot reaches WeChat: a real account through a puppet service, the in-process mock
 * WeChat of local mode (no token), or not at all.
 */
export function botModeOf(config: Pick<AppConfig, 'BOT_ENABLED' | 'WECHATY_PUPPET' | 'WECHATY_PUPPET_SERVICE_TOKEN'>): 'local' | 'puppet-service' | 'none' {
  if (!config.BOT_ENABLED) return 'none';
  return config.WECHATY_PUPPET_SERVICE_TOKEN && config.WECHATY_PUPPET !== 'wechaty-puppet-mock' ? 'puppet-service' : 'local';
}

/** The injection token under which the validated settings are provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
