import { Controller, Get, Inject, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../auth/auth.guard';
import { LeaderboardService } from '../quiz/leaderboard.service';

@ApiTags('statistics')
@Controller('api/stats')
export class StatsController {
  constructor(@Inject(LeaderboardService) private readonly leaderboard: LeaderboardService) {}

  @Get('rounds/:id/units')
  @RequireAccess('read')
  @ApiOperation({
    summary: 'Participation and scores per unit for a round',
    description:
      'participants: distinct members with an attempt; attempts: person-times (人次); participationRate: participants / headcount; meanScore over each member\'s counted score (best or last); fullMarks: members with full marks. A member counts in the unit they had when the attempt started.',
  })
  units(@Param('id', ParseIntPipe) id: number) {
    return this.leaderboard.unitReport(id);
  }

  @Get('rounds/:id/top')
  @RequireAccess('read')
  @ApiOperation({ summary: 'The top members of a round' })
  top(@Param('id', ParseIntPipe) id: number) {
    return this.leaderboard.top(id, 50);
  }
}
