import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../auth/auth.guard';
import { OutboundService } from './outbound.service';

@ApiTags('outbound')
@Controller('api/outbound')
export class OutboundController {
  constructor(@Inject(OutboundService) private readonly outbound: OutboundService) {}

  @Get('status')
  @RequireAccess('read')
  @ApiOperation({
    summary: 'The outbound queue per bot account',
    description:
      '`[{ account, pending, sentToday, failed, oldestPendingAt, drainEstimateSeconds }]`: sentToday counts from midnight in TIMEZONE, failed counts ' +
      'messages given up after the configured tries, drainEstimateSeconds is what the pending messages take at the configured pacing.',
  })
  status() {
    return this.outbound.status();
  }
}
