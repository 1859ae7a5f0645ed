import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import crypto from 'node:crypto';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Who may call a route: anyone, a statistician or organiser (`read`), or an organiser only (`write`). */
export type Access = 'public' | 'read' | 'write';
export const ACCESS_KEY = 'access';

/**
 * A route without a marker is closed to all but organisers: access is denied unless a route
 * says otherwise, so a forgotten marker never opens data to the public.
 */
export const DEFAULT_ACCESS: Access = 'write';

/** The route answers anyone, without a token. */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);

/**
 * The route needs a bearer token: `read` accepts STATS_TOKEN or ADMIN_TOKEN, `write` only
 * ADMIN_TOKEN.
 */
export function RequireAccess(access: Exclude<Access, 'public'>) {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, access),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no token or an unknown one' }),
    ApiForbiddenResponse({ description: 'a read-only token on a writing route' }),
  );
}

export function accessOf(reflector: Reflector, context: ExecutionContext): Access {
  return reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? DEFAULT_ACCESS;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = accessOf(this.reflector, context);
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const role = this.roleOf(request.headers.authorization);
    if (!role) {
      if (!this.config.ADMIN_TOKEN && !this.config.STATS_TOKEN) {
        throw new UnauthorizedException('this endpoint needs ADMIN_TOKEN or STATS_TOKEN to be configured on the server');
      }
      throw new UnauthorizedException('missing or unknown bearer token (Authorization: Bearer <token>)');
    }
    if (access === 'write' && role !== 'admin') {
      throw new ForbiddenException('this token may only read');
    }
    return true;
  }

  private roleOf(header: string | undefined): 'admin' | 'stats' | undefined {
    const match = /^Bearer +(\S{1,512}) *$/i.exec((header ?? '').slice(0, 600));
    if (!match) return undefined;
    const presented = match[1];
    if (this.config.ADMIN_TOKEN && sameSecret(presented, this.config.ADMIN_TOKEN)) return 'admin';
    if (this.config.STATS_TOKEN && sameSecret(presented, this.config.STATS_TOKEN)) return 'stats';
    return undefined;
  }
}

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}
