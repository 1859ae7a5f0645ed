import type { LoggerService } from '@nestjs/common';

/**
 * A stray rejected promise or a throw in a timer callback must not end a service that members
 * depend on: it is logged with its stack and the service keeps serving.
 */
export function installProcessGuards(logger: LoggerService): void {
  process.on('unhandledRejection', (reason) => {
    logger.error(`unhandled promise rejection: ${describe(reason)}`, undefined, 'Process');
  });
  process.on('uncaughtException', (err) => {
    logger.error(`uncaught exception: ${describe(err)}`, undefined, 'Process');
  });
}

function describe(reason: unknown): string {
  return reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
}
