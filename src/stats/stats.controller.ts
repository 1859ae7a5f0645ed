import { BadRequestException, Controller, Get, Inject, Param, ParseIntPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../auth/auth.guard';
import { LeaderboardService } from '../quiz/leaderboard.service';
import { correctRateChart, dailyChart, scoreHistogram } from './charts';
import { contentDisposition, CSV_TYPE, safeFileName, tableStream, XLSX_TYPE, type Table } from './exports';
import { attemptsTable, dailyTable, missingTable, questionsTable, ruleName, scoresTable, unitsTable } from './report-tables';
import { StatsService } from './stats.service';

type Format = 'json' | 'csv' | 'xlsx' | 'png';
const TABLES: Format[] = ['json', 'csv', 'xlsx'];
const CHARTS: Format[] = ['json', 'csv', 'xlsx', 'png'];

export function formatOf(value: string | undefined, allowed: Format[]): Format {
  const format = (value || 'json').toLowerCase() as Format;
  if (!allowed.includes(format)) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `format: one of ${allowed.join(', ')}`, field: 'format' });
  }
  return format;
}

/** A CSV or Excel download of a table, streamed as it is written. */
export function download<R>(table: Table<R>, format: 'csv' | 'xlsx'): StreamableFile {
  const name = `${safeFileName(table.fileName)}.${format}`;
  return new StreamableFile(tableStream(table, format), { type: format === 'csv' ? CSV_TYPE : XLSX_TYPE, disposition: contentDisposition(name) });
}

function png(buffer: Buffer, fileName: string): StreamableFile {
  return new StreamableFile(buffer, { type: 'image/png', disposition: contentDisposition(`${safeFileName(fileName)}.png`).replace(/^attachment/, 'inline') });
}

const FORMAT_QUERY = { name: 'format', required: false, enum: ['json', 'csv', 'xlsx', 'png'] };
const TABLE_FORMAT_QUERY = { name: 'format', required: false, enum: ['json', 'csv', 'xlsx'] };
const PRODUCES = ['application/json', CSV_TYPE, XLSX_TYPE, 'image/png'];
/** How many units the participation chart shows at most (the lowest rates are the ones left off). */
const CHART_UNITS_DEFAULT = 40;
const CHART_UNITS_MAX = 200;

@ApiTags('statistics')
@Controller('api/stats')
export class StatsController {
  constructor(
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(LeaderboardService) private readonly leaderboard: LeaderboardService,
  ) {}

  @Get('rounds/:id/units')
  @RequireAccess('read')
  @ApiQuery(FORMAT_QUERY)
  @ApiQuery({ name: 'limit', required: false, description: `png: units shown, highest rate first (default ${CHART_UNITS_DEFAULT}, at most ${CHART_UNITS_MAX})` })
  @ApiProduces(...PRODUCES)
  @ApiOperation({
    summary: 'Participation and scores per unit for a round, with the roll-up over the unit tree',
    description:
      "A member counts once in a round, in the unit recorded on their counted attempt (best or last, by the round's rule; the unit they had when it started). Top level: the unit's own figures (participants, attempts 人次, participationRate = participants / headcount, meanScore, fullMarks). `subtree`: the unit and everything below it, each person once; a unit without its own headcount has its children's.",
  })
  async units(@Param('id', ParseIntPipe) id: number, @Query('format') format?: string, @Query('limit') limit?: string) {
    const f = formatOf(format, CHARTS);
    const [round, rows] = await Promise.all([this.stats.round(id), this.stats.units(id)]);
    if (f === 'json') return rows;
    if (f !== 'png') return download(unitsTable(round.title, rows, this.stats.timeZone), f);
    const n = Math.min(CHART_UNITS_MAX, Math.max(1, Number(limit) || CHART_UNITS_DEFAULT));
    return png(await this.stats.unitsChart(round, rows, n), `${round.title}-单位参与率`);
  }

  @Get('rounds/:id/questions')
  @RequireAccess('read')
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiOperation({
    summary: 'Per question: answered, correct rate, discrimination, picks per option and the most chosen wrong option',
    description: "Over each member's counted finished attempt. discrimination: corrected point-biserial (item-rest) correlation, from -1 to 1; null when everyone answered alike.",
  })
  async questions(@Param('id', ParseIntPipe) id: number, @Query('format') format?: string) {
    const f = formatOf(format, CHARTS);
    const [round, report] = await Promise.all([this.stats.round(id), this.stats.questions(id)]);
    if (f === 'json') return report;
    if (f !== 'png') return download(questionsTable(round.title, report.questions, this.stats.timeZone), f);
    const subtitle = `共 ${report.questions.length} 题，按题库顺序；括号内为答题人数`;
    return png(await correctRateChart(`${round.title}：各题正确率`, subtitle, report.questions), `${round.title}-各题正确率`);
  }

  @Get('rounds/:id/scores')
  @RequireAccess('read')
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiOperation({ summary: "Score distribution of a round, each member once by the round's score rule" })
  async scores(@Param('id', ParseIntPipe) id: number, @Query('format') format?: string) {
    const f = formatOf(format, CHARTS);
    const [round, report] = await Promise.all([this.stats.round(id), this.stats.scores(id)]);
    if (f === 'json') return report;
    if (f !== 'png') return download(scoresTable(round.title, report, this.stats.timeZone), f);
    const subtitle = `${report.participants} 人（${ruleName(round.scoreRule)}），平均分 ${report.mean ?? '—'}，中位数 ${report.median ?? '—'}，最高分 ${report.max ?? '—'}，满分 ${report.maxScore}（${report.fullMarks} 人）`;
    return png(await scoreHistogram(`${round.title}：得分分布`, subtitle, report.buckets), `${round.title}-得分分布`);
  }

  @Get('daily')
  @RequireAccess('read')
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD in TIMEZONE (default: 13 days before `to`)' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD in TIMEZONE (default: today)' })
  @ApiQuery({ name: 'unit', required: false, description: 'a unit name: that unit and everything below it' })
  @ApiQuery({ name: 'round', required: false })
  @ApiQuery(FORMAT_QUERY)
  @ApiProduces(...PRODUCES)
  @ApiOperation({ summary: 'Per day in TIMEZONE: participants (distinct members starting an attempt), attempts, answers, newly bound members' })
  async daily(@Query() query: Record<string, string>) {
    const f = formatOf(query.format, CHARTS);
    const report = await this.stats.daily(query);
    if (f === 'json') return report;
    const scope = [report.unit, report.round ? `第 ${report.round} 轮` : null].filter(Boolean).join('，');
    const name = `每日参与-${report.from}至${report.to}${report.unit ? `-${report.unit}` : ''}`;
    if (f !== 'png') return download(dailyTable(name, report.days, this.stats.timeZone), f);
    const subtitle = `${report.from} 至 ${report.to}（${report.timeZone}）${scope ? `；${scope}` : ''}`;
    return png(await dailyChart('每日参与情况', subtitle, report.days), name);
  }

  @Get('rounds/:id/missing')
  @RequireAccess('read')
  @ApiQuery({ name: 'unit', required: false, description: 'only members of this unit and the units below it' })
  @ApiQuery(TABLE_FORMAT_QUERY)
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiOperation({ summary: "Bound members of the round's audience who have not taken it" })
  async missing(@Param('id', ParseIntPipe) id: number, @Query('unit') unit?: string, @Query('format') format?: string) {
    const f = formatOf(format, TABLES);
    const [round, rows] = await Promise.all([this.stats.round(id), this.stats.missing(id, unit || undefined)]);
    if (f === 'json') return rows;
    return download(missingTable(unit ? `${round.title}-${unit}` : round.title, rows, this.stats.timeZone), f as 'csv' | 'xlsx');
  }

  @Get('rounds/:id/top')
  @RequireAccess('read')
  @ApiOperation({ summary: 'The top members of a round' })
  top(@Param('id', ParseIntPipe) id: number) {
    return this.leaderboard.top(id, 50);
  }
}

/** The attempts of a round, under the rounds path where organisers look for them. */
@ApiTags('rounds')
@Controller('api/rounds')
export class RoundAttemptsController {
  constructor(@Inject(StatsService) private readonly stats: StatsService) {}

  @Get(':id/attempts')
  @RequireAccess('read')
  @ApiQuery(TABLE_FORMAT_QUERY)
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiOperation({ summary: 'Every attempt of a round: member, unit (when the attempt started) and its parent, channel, answered, score, times in TIMEZONE (CSV, Excel)' })
  async attempts(@Param('id', ParseIntPipe) id: number, @Query('format') format?: string) {
    const f = formatOf(format, TABLES);
    const round = await this.stats.round(id);
    if (f === 'json') return this.stats.attempts(id);
    return download(attemptsTable(round.title, round.scoreRule, this.stats.attemptPages(id), this.stats.timeZone), f as 'csv' | 'xlsx');
  }
}
