import { Module } from '@nestjs/common';
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
  imports: [WebLinksModule],
  controllers: [BanksController, RoundsController],
  providers: [BanksService, RoundsService, AttemptsService, LeaderboardService, QuizChatService, RaceService, RoundSchedulerService],
  exports: [QuizChatService, LeaderboardService, AttemptsService, RoundSchedulerService, RoundsService],
})
export class QuizModule {}
