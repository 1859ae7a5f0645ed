import { Module } from '@nestjs/common';
import { QuizModule } from '../quiz/quiz.module';
import { StatsController } from './stats.controller';

@Module({ imports: [QuizModule], controllers: [StatsController] })
export class StatsModule {}
