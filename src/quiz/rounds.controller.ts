import { Body, Controller, Get, Inject, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../auth/auth.guard';
import { openApiSchema, parseInput } from '../common/validation';
import { LeaderboardService } from './leaderboard.service';
import { roundInput, roundPatch } from './round-plan';
import { RoundsService } from './rounds.service';

@ApiTags('rounds')
@Controller('api/rounds')
export class RoundsController {
  constructor(
    @Inject(RoundsService) private readonly rounds: RoundsService,
    @Inject(LeaderboardService) private readonly leaderboard: LeaderboardService,
  ) {}

  @Post()
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Schedule a round',
    description: 'The response carries `estimate`: the outbound messages the round needs against the configured send rate and its window.',
  })
  @ApiBody({ schema: openApiSchema(roundInput) })
  create(@Body() body: unknown) {
    return this.rounds.create(parseInput(roundInput, body ?? {}));
  }

  @Get()
  @RequireAccess('read')
  @ApiQuery({ name: 'status', required: false, enum: ['scheduled', 'open', 'closed', 'cancelled'] })
  list(@Query('status') status?: string) {
    return this.rounds.list(status || undefined);
  }

  @Get(':id')
  @RequireAccess('read')
  get(@Param('id', ParseIntPipe) id: number) {
    return this.rounds.get(id);
  }

  @Patch(':id')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Change a round before it opens' })
  @ApiBody({ schema: openApiSchema(roundPatch) })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: unknown) {
    return this.rounds.update(id, parseInput(roundPatch, body ?? {}));
  }

  @Post(':id/cancel')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Cancel a scheduled or open round' })
  cancel(@Param('id', ParseIntPipe) id: number) {
    return this.rounds.cancel(id);
  }

  @Get(':id/attempts')
  @RequireAccess('read')
  @ApiOperation({ summary: 'Every attempt of a round: member, unit (when the attempt started), answered, score, times' })
  attempts(@Param('id', ParseIntPipe) id: number) {
    return this.leaderboard.attempts(id);
  }
}
