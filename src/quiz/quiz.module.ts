import { Module } from '@nestjs/common';
import { QuizChatService } from './quiz-chat.service';

@Module({ providers: [QuizChatService], exports: [QuizChatService] })
export class QuizModule {}
