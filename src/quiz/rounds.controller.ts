import { Body, Controller, Get, Inject, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../auth/auth.guard';
import { openApiSchema, parseInput } from '../common/validation';
import { roundInput, roundPatch } from './round-plan';
import { RoundsService } from './rounds.service';

@ApiTags('rounds')
@Controller('api/rounds')
export class RoundsController {
  constructor(@Inject(RoundsService) private readonly rounds: RoundsService) {}

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
  // GET /api/rounds/:id/attempts (JSON, CSV, Excel) is served by the stats module, the home of every report.
}
