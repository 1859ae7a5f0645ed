import { Module } from '@nestjs/common';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { MembersModule } from '../members/members.module';
import { QuizModule } from '../quiz/quiz.module';
import { BotService } from './bot.service';
import { ConsoleController } from './console.controller';
import { ConsoleStore } from './console-store';
import { InboundHandler } from './inbound-handler';
import { LocalWechat } from './local-wechat';
import { LoginController } from './login.controller';
import { MessageRouter } from './router';

@Module({
  imports: [KnowledgeModule, MembersModule, QuizModule],
  controllers: [ConsoleController, LoginController],
  providers: [BotService, MessageRouter, InboundHandler, LocalWechat, ConsoleStore],
  exports: [MessageRouter, BotService],
})
export class BotModule {}
