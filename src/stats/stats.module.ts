import { Module } from '@nestjs/common';
import { QuizModule } from '../quiz/quiz.module';
import { RoundAttemptsController, StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({ imports: [QuizModule], controllers: [StatsController, RoundAttemptsController], providers: [StatsService], exports: [StatsService] })
export class StatsModule {}
