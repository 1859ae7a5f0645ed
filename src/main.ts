import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { assertDataDirFree, DataDirLockedError } from './db/adapters';
import { createLogger, startApp } from './bootstrap';
import { installProcessGuards } from './process-guards';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (!config.DATABASE_URL) {
    try {
      assertDataDirFree(config.DATA_DIR);
    } catch (err) {
      process.stderr.write(`start failed: ${(err as Error).message}\n`);
      process.exit(1);
    }
  }
  const logger = createLogger(config);
  installProcessGuards(logger);
  // A stop must finish within the grace period even if something hangs.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received, shutting down`, 'Main');
      setTimeout(() => {
        logger.error('shutdown took too long, exiting', undefined, 'Main');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
    });
  }
  try {
    await startApp(config, logger);
    logger.log(`listening on http://${config.HOST}:${config.PORT} (API docs at /api/docs)`, 'Main');
  } catch (err) {
    const message = err instanceof DataDirLockedError ? err.message : ((err as Error)?.message ?? String(err));
    logger.error(`start failed: ${message}`, undefined, 'Main');
    process.exit(1);
  }
}

void main();
