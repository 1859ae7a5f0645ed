import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { accessOf } from './auth.guard';

/**
 * Limits requests per client on public routes only: those anyone can call are the ones a script
 * can flood; routes behind a token are limited by who holds the token.
 */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return accessOf(this.reflector, context) !== 'public';
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new ThrottlerException(`请求过于频繁，请 ${Math.max(1, Math.ceil(detail.timeToBlockExpire))} 秒后再试。`);
  }
}
