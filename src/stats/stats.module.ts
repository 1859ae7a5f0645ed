import { Module } from '@nestjs/common';
import { OutboundModule } from '../outbound/outbound.module';
import { QuizModule } from '../quiz/quiz.module';
import { DigestService } from './digest.service';
import { RoundAttemptsController, StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [QuizModule, OutboundModule],
  controllers: [StatsController, RoundAttemptsController],
  providers: [StatsService, DigestService],
  exports: [StatsService],
})
export class StatsModule {}
