import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_FORMAT: 'text', BOT_ENABLED: true, BOT_ADMINS: [] });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^invalid PORT: .*whole number.*"abc"/],
    [{ PORT: '70000' }, /^invalid PORT: expected at most 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^invalid DATABASE_URL: expected a postgresql:\/\/ URL$/],
    [{ LOG_FORMAT: 'xml' }, /^invalid LOG_FORMAT/],
    [{ ADMIN_TOKEN: 'short' }, /^invalid ADMIN_TOKEN: expected at least 12 characters/],
    [{ QA_ANSWER_THRESHOLD: '1.5' }, /^invalid QA_ANSWER_THRESHOLD/],
    [{ QA_ANSWER_THRESHOLD: '0.3', QA_SUGGEST_THRESHOLD: '0.5' }, /^invalid QA_SUGGEST_THRESHOLD/],
    [{ ADMIN_TOKEN: 'same-token-123', STATS_TOKEN: 'same-token-123' }, /^invalid STATS_TOKEN/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a secret in the error', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'secret' })).toThrow(/^((?!secret).)*$/);
  });

  it('reads lists and booleans', () => {
    const config = loadConfig({ BOT_ADMINS: 'wxid_a, wxid_b', BOT_ENABLED: 'false', WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true' });
    expect(config.BOT_ADMINS).toEqual(['wxid_a', 'wxid_b']);
    expect(config.BOT_ENABLED).toBe(false);
    expect(config.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT).toBe(true);
  });
});
