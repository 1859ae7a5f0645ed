import { Body, Controller, Get, HttpException, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { parseInput } from '../common/validation';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { GroupEntryService } from './group-entry.service';
import { LINK_PROBLEMS, LinkProblem } from './link-problem';
import { groupStartInput, webAnswersInput } from './web-answers';
import { groupPage, noStore, problemPage, quizPage } from './web-pages';
import { WebQuizService } from './web-quiz.service';

/**
 * Group-link starts a client may make a minute: each may create a participant, so a sixth of
 * the other public calls' limit, at most 10. Set from the configuration when the controller is made.
 */
let groupStartsPerMinute = 10;

/** A LinkProblem as the page's API answers it: its status, its Chinese title and advice. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof LinkProblem)) throw err;
    const problem = LINK_PROBLEMS[err.reason];
    throw new HttpException({ statusCode: problem.status, reason: err.reason, message: `${problem.title}：${problem.advice}` }, problem.status);
  }
}

/** The web quiz: members' pages and the JSON they call, all public and reached by signed links only. */
@ApiTags('web quiz')
@Controller()
export class WebController {
  constructor(
    @Inject(WebQuizService) private readonly quiz: WebQuizService,
    @Inject(GroupEntryService) private readonly group: GroupEntryService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    groupStartsPerMinute = Math.min(10, Math.ceil(config.PUBLIC_RATE_LIMIT_PER_MINUTE / 6));
  }

  @Get('q/g/:token')
  @Public()
  @ApiOperation({ summary: 'The group-link page: pick a unit, type a name, start' })
  async groupPage(@Param('token') token: string, @Res() res: Response) {
    try {
      const entry = await this.group.entry(token);
      noStore(res).type('html').send(groupPage(entry.title));
    } catch (err) {
      if (!(err instanceof LinkProblem)) throw err;
      noStore(res).status(LINK_PROBLEMS[err.reason].status).type('html').send(problemPage(err.reason));
    }
  }

  @Get('q/:token')
  @Public()
  @ApiOperation({ summary: "A member's quiz page (personal link)" })
  async page(@Param('token') token: string, @Res() res: Response) {
    try {
      const { round } = await this.quiz.personal(token);
      noStore(res).type('html').send(quizPage(round.title));
    } catch (err) {
      if (!(err instanceof LinkProblem)) throw err;
      noStore(res).status(LINK_PROBLEMS[err.reason].status).type('html').send(problemPage(err.reason));
    }
  }

  @Get('api/web/paper/:token')
  @Public()
  @ApiOperation({ summary: 'The paper behind a personal link (no correct answers), resuming the unfinished attempt or starting the first' })
  paper(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    noStore(res);
    return answering(() => this.quiz.paper(token));
  }

  @Post('api/web/again/:token')
  @Public()
  @ApiOperation({ summary: 'Start another attempt when the round allows more' })
  again(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    noStore(res);
    return answering(() => this.quiz.paper(token, { again: true }));
  }

  @Post('api/web/progress/:token')
  @Public()
  @ApiOperation({ summary: 'Keep the answers chosen so far (a reload or another device resumes from them)' })
  progress(@Param('token') token: string, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    noStore(res);
    const input = parseInput(webAnswersInput, body ?? {});
    return answering(() => this.quiz.saveProgress(token, input));
  }

  @Post('api/web/submit/:token')
  @Public()
  @ApiOperation({ summary: 'Submit the paper: scored once, a repeat returns the same result; late answers score 0' })
  submit(@Param('token') token: string, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    noStore(res);
    const input = parseInput(webAnswersInput, body ?? {});
    return answering(() => this.quiz.submit(token, input));
  }

  @Get('api/web/result/:token')
  @Public()
  @ApiOperation({ summary: "A finished attempt: score, rank, the unit's rank, answers and explanations" })
  result(@Param('token') token: string, @Query('attempt') attempt: string, @Res({ passthrough: true }) res: Response) {
    noStore(res);
    const attemptId = /^\d{1,10}$/.test(attempt ?? '') ? Number(attempt) : 0;
    return answering(() => this.quiz.result(token, attemptId));
  }

  @Get('api/web/group/:token')
  @Public()
  @ApiOperation({ summary: 'The round behind a group link and the units one may answer for' })
  groupEntry(@Param('token') token: string, @Res({ passthrough: true }) res: Response) {
    noStore(res);
    return answering(() => this.group.entry(token));
  }

  @Post('api/web/group/:token/start')
  @Public()
  @Throttle({ public: { limit: () => groupStartsPerMinute, ttl: 60_000 } })
  @ApiOperation({ summary: 'Name a unit and oneself on a group link; answers with the personal link to continue on' })
  groupStart(@Param('token') token: string, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    noStore(res);
    const input = parseInput(groupStartInput, body ?? {});
    return answering(() => this.group.start(token, input));
  }
}
