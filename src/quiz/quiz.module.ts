import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { UnitsService } from '../members/units.service';
import { AttemptsService } from './attempts.service';
import { BanksController } from './banks.controller';
import { BanksService } from './banks.service';
import { LeaderboardService } from './leaderboard.service';
import { QuizChatService } from './quiz-chat.service';
import { RaceService } from './race.service';
import { RoundSchedulerService } from './round-scheduler.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';
import { WebLinksModule } from '../web/web-links.module';

@Module({
  imports: [MembersModule, WebLinksModule],
  controllers: [BanksController, RoundsController],
  providers: [BanksService, RoundsService, AttemptsService, LeaderboardService, QuizChatService, RaceService, RoundSchedulerService],
  exports: [QuizChatService, LeaderboardService, AttemptsService, RoundSchedulerService, RoundsService],
})
export class QuizModule implements OnModuleInit {
  constructor(
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(RoundsService) private readonly rounds: RoundsService,
  ) {}

  onModuleInit(): void {
    // Rounds name their audience units: a renamed unit keeps its rounds.
    this.units.onRename((from, to) => this.rounds.renameAudienceUnit(from, to));
  }
}
