import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { QuizModule } from '../quiz/quiz.module';
import { GroupEntryService } from './group-entry.service';
import { WebController } from './web.controller';
import { WebLinksModule } from './web-links.module';
import { WebQuizService } from './web-quiz.service';

/** The web quiz channel: pages reached by signed links, over the same attempts as chat. */
@Module({
  imports: [QuizModule, MembersModule, WebLinksModule],
  controllers: [WebController],
  providers: [WebQuizService, GroupEntryService],
})
export class WebModule {}
