import { ConsoleLogger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import path from 'node:path';
import { serveAdminPages } from './admin/admin-pages';
import { AppModule } from './app.module';
import { projectRoot } from './common/paths';
import { botModeOf, type AppConfig } from './config/config';
import { StatusService } from './health/status.service';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function createLogger(config: Pick<AppConfig, 'LOG_FORMAT' | 'LOG_LEVEL'>): ConsoleLogger {
  return new ConsoleLogger({
    json: config.LOG_FORMAT === 'json',
    colors: false,
    logLevels: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
}

/** Builds the whole service: used by main.ts, the tests and the benchmarks alike. */
export async function createApp(config: AppConfig, logger = createLogger(config)): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    abortOnError: false,
    // An open event stream (the chat console) would otherwise hold the server, and the stop, open.
    forceCloseConnections: true,
  });
  app.useBodyParser('json', { limit: '5mb' });
  if (config.TRUST_PROXY_HOPS > 0) app.set('trust proxy', config.TRUST_PROXY_HOPS);
  if (botModeOf(config) !== 'local') {
    // The chat console page drives the mock WeChat of local mode; with a real account it does not exist.
    app.use('/console', (_req: Request, res: Response) => res.status(404).type('text/plain').send('Not Found'));
  }
  // Each folder under its own prefix, so an API call never costs a look at the disk.
  for (const folder of ['console', 'quiz']) {
    app.useStaticAssets(path.join(projectRoot(), 'public', folder), { prefix: `/${folder}`, index: ['index.html'] });
  }
  serveAdminPages(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('统战助手 bot service')
      .setDescription('Policy Q&A and knowledge quizzes over WeChat, counted per work unit')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export async function startApp(config: AppConfig, logger = createLogger(config)): Promise<INestApplication> {
  const app = await createApp(config, logger);
  await app.listen(config.PORT, config.HOST);
  app.get(StatusService).markReady(true);
  stopOnSignals(app, logger);
  return app;
}

/**
 * SIGTERM or SIGINT closes the service (open connections, the WeChat link, the database last) and
 * exits with 0, or 1 if closing failed. Nest's own shutdown hooks would re-raise the signal after
 * closing, so a clean stop would look like a killed process to a service manager.
 */
function stopOnSignals(app: INestApplication, logger: ConsoleLogger): void {
  let closing: Promise<void> | undefined;
  const stop = () => {
    closing ??= app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error(`shutdown failed: ${(err as Error)?.message ?? err}`, undefined, 'Main');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stop);
}
