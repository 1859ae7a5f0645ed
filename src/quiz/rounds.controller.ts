import { Body, Controller, Get, Inject, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../auth/auth.guard';
import { isDryRun, openApiSchema, parseInput } from '../common/validation';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { roundInput, roundPatch, roundSchemas } from './round-plan';
import { RoundsService } from './rounds.service';

@ApiTags('rounds')
@Controller('api/rounds')
export class RoundsController {
  private readonly schemas: ReturnType<typeof roundSchemas>;

  constructor(
    @Inject(RoundsService) private readonly rounds: RoundsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.schemas = roundSchemas(config.TIMEZONE);
  }

  @Post()
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Schedule a round',
    description:
      'Times without an offset are read in the configured TIMEZONE. The response carries `estimate` (the outbound messages the round needs ' +
      'against the configured send rate and its window), `warnings` (rooms that could not be checked, a round too short for its reminder) ' +
      'and `local`, its times with the offset of TIMEZONE. A room the bot is not in is refused when its rooms are known. ' +
      'With dryRun=true the round is checked alike but not saved, and the answer (200) is `{ estimate, warnings }` only.',
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiBody({ schema: openApiSchema(roundInput) })
  async create(@Body() body: unknown, @Query('dryRun') dryRun: string | undefined, @Res({ passthrough: true }) res: Response) {
    const input = parseInput(this.schemas.input, body ?? {});
    if (!isDryRun(dryRun)) return this.rounds.create(input);
    res.status(200);
    return this.rounds.create(input, { dryRun: true });
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
    return this.rounds.update(id, parseInput(this.schemas.patch, body ?? {}));
  }

  @Post(':id/cancel')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Cancel a scheduled or open round' })
  cancel(@Param('id', ParseIntPipe) id: number) {
    return this.rounds.cancel(id);
  }
  // GET /api/rounds/:id/attempts (JSON, CSV, Excel) is served by the stats module, the home of every report.
}
