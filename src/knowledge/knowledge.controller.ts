import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  InternalServerErrorException,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import YAML from 'yaml';
import { z } from 'zod';
import { Public, RequireAccess } from '../auth/auth.guard';
import { openApiSchema, parseInput } from '../common/validation';
import { decodeText, readTable, tableFormatOf, writeWorkbook } from '../common/tabular';
import { readYaml } from '../common/yaml';
import { FileUpload, requireFile, rethrowAsBadUpload, uploadName } from '../common/upload';
import { KnowledgeService } from './knowledge.service';
import { EXPORT_HEADER, ID_PATTERN, KnowledgeImportError, parseKnowledgeSheets, type EntryInput } from './knowledge-table';
import type { KnowledgeEntry } from '../generated/prisma/client';

const askBody = z.object({
  text: z
    .string({ error: 'must be a string' })
    .refine((t) => t.trim().length > 0, 'must not be empty')
    .refine((t) => t.length <= 500, 'must be at most 500 characters'),
});

const askResponse = z.object({
  answered: z.boolean(),
  answer: z.string().nullable(),
  entryId: z.string().nullable(),
  entryIds: z.array(z.string()).describe('every entry the answer gives, entryId first (a question may ask about two)'),
  score: z.number(),
  suggestions: z.array(z.object({ entryId: z.string(), question: z.string(), score: z.number() })),
  corrected: z.array(z.string()).describe('figures the member asks to have checked that the answer gives otherwise (是70万人次吧, where it says 7万余人次); the answer opens by saying so'),
});

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const entryFields = {
  question: text(500),
  similar: z.array(text(500)).max(200),
  notAnswered: z.array(text(500)).max(200),
  answer: text(2000),
  tags: z.array(text(50)).max(20),
  category: z.string().max(100).nullable(),
  sourceFile: z.string().max(200).nullable(),
  sourceQuote: z.string().max(500).nullable(),
  threshold: z.number().min(0).max(1).nullable(),
  enabled: z.boolean(),
};
const entryBody = z
  .object(entryFields)
  .partial()
  .extend({
    id: z.string().regex(ID_PATTERN, 'lowercase letters, digits, - or _ (at most 80)').optional(),
    question: entryFields.question,
    answer: entryFields.answer,
    similar: entryFields.similar.default([]),
    tags: entryFields.tags.default([]),
  });
// No defaults here: a field left out of a change keeps its value (zod applies a default even to an optional field).
const entryPatch = z.object(entryFields).partial();

const yamlEntry = z.object({
  id: z.string().regex(ID_PATTERN).optional(),
  question: text(500),
  similar: z.array(text(500)).default([]),
  notAnswered: z.array(text(500)).max(200).optional(),
  answer: text(2000),
  tags: z.array(z.string()).default([]),
  source: z.object({ file: z.string(), quote: z.string() }).optional(),
  threshold: z.number().min(0).max(1).nullable().optional(),
  enabled: z.boolean().optional(),
});

const resolveBody = z.union([
  z.object({ entryId: z.string().min(1) }),
  z.object({ question: text(500).optional(), answer: text(2000), tags: z.array(text(50)).max(20).optional() }),
]);

@ApiTags('knowledge')
@Controller('api')
export class KnowledgeController {
  constructor(@Inject(KnowledgeService) private readonly knowledge: KnowledgeService) {}

  @Post('qa/ask')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the knowledge base as a member would (no login)' })
  @ApiBody({ schema: openApiSchema(askBody) })
  @ApiOkResponse({ schema: openApiSchema(askResponse) })
  ask(@Body() body: unknown) {
    const { text: question } = parseInput(askBody, body ?? {});
    return this.knowledge.ask(question);
  }

  @Get('knowledge')
  @RequireAccess('read')
  @ApiOperation({ summary: 'List or search entries' })
  @ApiQuery({ name: 'search', required: false, description: 'text in the question, answer or id, or a similar question as a whole' })
  @ApiQuery({ name: 'q', required: false, description: 'the same as search' })
  @ApiQuery({ name: 'tag', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  async list(
    @Query('q') q?: string,
    @Query('tag') tag?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '50',
    @Query('search') search?: string,
  ) {
    const p = Math.max(1, Number(page) || 1);
    const size = Math.min(500, Math.max(1, Number(pageSize) || 50));
    const text = (search ?? q)?.trim().slice(0, 200);
    const result = await this.knowledge.search({ q: text || undefined, tag: tag?.trim() || undefined, skip: (p - 1) * size, take: size });
    return { page: p, pageSize: size, ...result };
  }

  @Get('knowledge/export')
  @RequireAccess('read')
  @ApiOperation({ summary: 'Export all entries as YAML, JSON or Excel' })
  @ApiQuery({ name: 'format', enum: ['yaml', 'json', 'xlsx'], required: false })
  async export(@Res() res: Response, @Query('format') format = 'yaml') {
    const entries = await this.knowledge.all();
    if (format === 'json') {
      res.json(entries.map(toFileShape));
    } else if (format === 'yaml') {
      res.type('application/yaml').attachment('knowledge.yaml').send(YAML.stringify(entries.map(toFileShape), { lineWidth: 0 }));
    } else if (format === 'xlsx') {
      const buffer = await writeWorkbook([
        {
          name: '知识库',
          header: EXPORT_HEADER,
          rows: entries.map((e) => [
            e.id,
            e.question,
            e.similar.join('\n'),
            e.answer,
            e.tags.join(','),
            e.sourceFile ?? '',
            e.sourceQuote ?? '',
            e.notAnswered.join('\n'),
          ]),
        },
      ]);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment('knowledge.xlsx').send(buffer);
    } else {
      throw new BadRequestException('format: expected yaml, json or xlsx');
    }
  }

  @Get('knowledge/unanswered')
  @RequireAccess('read')
  @ApiOperation({ summary: 'Questions answered "not found" or with suggestions, most asked first' })
  @ApiQuery({ name: 'includeResolved', required: false, type: Boolean })
  unanswered(@Query('includeResolved') includeResolved?: string, @Query('limit') limit = '200') {
    return this.knowledge.unanswered({ includeResolved: includeResolved === 'true', take: Math.min(1000, Math.max(1, Number(limit) || 200)) });
  }

  @Post('knowledge/unanswered/:id/resolve')
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Answer an unanswered question from now on',
    description: '`{ "entryId": "..." }` adds it as a similar question of that entry; `{ "answer": "...", "question"?: "..." }` creates a new entry.',
  })
  @ApiBody({ schema: openApiSchema(resolveBody) })
  resolve(@Param('id', ParseIntPipe) id: number, @Body() body: unknown) {
    return this.knowledge.resolveUnanswered(id, parseInput(resolveBody, body ?? {}));
  }

  @Post('knowledge/reload')
  @HttpCode(200)
  @RequireAccess('write')
  @ApiOperation({ summary: 'Re-apply the shipped knowledge files (organiser edits are kept)' })
  async reload() {
    const { loaded, refused } = await this.knowledge.reloadOrRefuse();
    // The files on the server are at fault, not the request; what was loaded before stays in use.
    if (!loaded) throw new InternalServerErrorException({ statusCode: 500, error: 'Internal Server Error', message: refused });
    return loaded;
  }

  @Post('knowledge/import')
  @HttpCode(200)
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Import entries from YAML, JSON, CSV or Excel (all or nothing)',
    description:
      'Tables: 编号, 问题, 相似问题 (one per line), 答案, 标签, 来源文件, 来源原文; or the FAQ export of 微信对话开放平台 (分类, 问题, 问题阈值, 相似问题 and 机器人回答 separated by ##, 是否停用).',
  })
  @FileUpload()
  async import(@UploadedFile() upload?: Express.Multer.File) {
    const file = requireFile(upload);
    const name = uploadName(file).toLowerCase();
    let entries: EntryInput[];
    try {
      if (name.endsWith('.yaml') || name.endsWith('.yml') || name.endsWith('.json')) {
        entries = parseStructured(decodeText(file.buffer), name.endsWith('.json'));
      } else {
        const format = tableFormatOf(name, file.mimetype);
        if (!format) throw new BadRequestException('file: expected .yaml, .json, .csv or .xlsx');
        entries = parseKnowledgeSheets(await readTable(file.buffer, format));
      }
    } catch (err) {
      rethrowAsBadUpload(err);
    }
    return { imported: await this.knowledge.importEntries(entries) };
  }

  @Get('knowledge/:id')
  @RequireAccess('read')
  @ApiOperation({ summary: 'An entry, with the questions members asked of it (knowledge/asked: answered by it, or close but not); notAnswered holds the organisers\' own' })
  async get(@Param('id') id: string) {
    return { ...(await this.knowledge.get(id)), asked: this.knowledge.askedOf(id) };
  }

  @Post('knowledge')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Create an entry' })
  @ApiBody({ schema: openApiSchema(entryBody) })
  create(@Body() body: unknown) {
    return this.knowledge.create(parseInput(entryBody, body ?? {}));
  }

  @Patch('knowledge/:id')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Edit an entry (a shipped entry edited here is never overwritten by a reload)' })
  @ApiBody({ schema: openApiSchema(entryPatch) })
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.knowledge.update(id, parseInput(entryPatch, body ?? {}));
  }

  @Delete('knowledge/:id')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Delete an entry (shipped entries are switched off instead)' })
  remove(@Param('id') id: string) {
    return this.knowledge.remove(id);
  }
}

function toFileShape(e: KnowledgeEntry) {
  return {
    id: e.id,
    question: e.question,
    similar: e.similar,
    ...(e.notAnswered.length ? { notAnswered: e.notAnswered } : {}),
    answer: e.answer,
    tags: e.tags,
    ...(e.sourceFile ? { source: { file: e.sourceFile, quote: e.sourceQuote ?? '' } } : {}),
    ...(e.threshold !== null ? { threshold: e.threshold } : {}),
    ...(e.enabled ? {} : { enabled: false }),
  };
}

function parseStructured(content: string, json: boolean): EntryInput[] {
  let data: unknown;
  try {
    data = json ? JSON.parse(content) : readYaml(content);
  } catch (err) {
    if (!json) rethrowAsBadUpload(err);
    throw new BadRequestException(`file: not valid JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(data) || !data.length) throw new BadRequestException('file: expected a non-empty list of entries');
  return data.map((item, i) => {
    const parsed = yamlEntry.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KnowledgeImportError(json ? 'json' : 'yaml', i + 1, `${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const { source, ...rest } = parsed.data;
    return { ...rest, sourceFile: source?.file ?? null, sourceQuote: source?.quote ?? null };
  });
}
