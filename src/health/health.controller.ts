import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.guard';
import { PrismaService } from '../db/prisma.service';
import { StatusService } from './status.service';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(StatusService) private readonly status: StatusService,
  ) {}

  @Get('health')
  @Public()
  // Load balancers and monitors poll it; it reads nothing a member could abuse.
  @SkipThrottle()
  @ApiOperation({ summary: '200 once ready (database reachable), 503 otherwise; reports the bot state' })
  async health(@Res() res: Response) {
    const database = await this.prisma.isReachable();
    const ready = this.status.isReady() && database;
    const { qrcode: _qrcode, ...bot } = this.status.botStatus();
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ok' : 'unavailable',
      database: { reachable: database, kind: this.prisma.kind },
      bot,
      uptimeSeconds: Math.round(process.uptime()),
    });
  }
}
