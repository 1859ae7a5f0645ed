import { BadRequestException, Body, Controller, Delete, Get, Inject, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireAccess } from '../auth/auth.guard';
import { isDryRun } from '../common/validation';
import { decodeText, readTable, tableFormatOf, writeWorkbook } from '../common/tabular';
import { FileUpload, rejectBadRows, requireFile, rethrowAsBadUpload, uploadName, type RowError } from '../common/upload';
import { BanksService, countTypes, type UploadTarget } from './banks.service';
import {
  BANK_SLUG,
  BankFileError,
  TEMPLATE_INFO,
  TEMPLATE_LAYOUTS,
  answerCell,
  bankTemplate,
  bankToSheet,
  bankToYaml,
  parseBankYaml,
  readBankSheets,
  slugBaseOf,
  type BankDefinition,
  type QuestionDefinition,
  type TemplateLayout,
} from './engine';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An upload as read: the bank (its good questions), where each question came from, and every problem. */
interface ReadUpload {
  bank: Omit<BankDefinition, 'slug'>;
  fileSlug?: string;
  rows: Array<{ sheet?: string; row: number | null; question: QuestionDefinition }>;
  errors: Array<Omit<RowError, 'row'> & { row: number | null }>;
}

const badField = (field: string, message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${message}`, field });

@ApiTags('question banks')
@Controller('api/banks')
export class BanksController {
  constructor(@Inject(BanksService) private readonly banks: BanksService) {}

  @Get()
  @RequireAccess('read')
  @ApiOperation({
    summary: 'All banks: slug, title, question count, counts by type and the rounds using each',
    description: '`counts` is `{ single, multiple, truefalse, fill, total }`; `usedBy` is `[{ id, title, status }]`.',
  })
  list() {
    return this.banks.list();
  }

  @Get('templates')
  @RequireAccess('read')
  @ApiOperation({ summary: 'The spreadsheet layouts the importer reads, with Chinese names and the address of each template' })
  templates() {
    return TEMPLATE_LAYOUTS.map((layout) => ({ layout, ...TEMPLATE_INFO[layout], url: `/api/banks/template.xlsx?layout=${layout}` }));
  }

  @Get('template.xlsx')
  @RequireAccess('read')
  @ApiOperation({ summary: 'A template workbook in one layout: an example of every question type and a 说明 (instructions) sheet' })
  @ApiQuery({ name: 'layout', enum: TEMPLATE_LAYOUTS, required: false })
  async template(@Res() res: Response, @Query('layout') layout = 'type-column') {
    if (!(TEMPLATE_LAYOUTS as readonly string[]).includes(layout)) {
      throw badField('layout', `没有这种格式，可选：${TEMPLATE_LAYOUTS.join('、')}。`);
    }
    const buffer = await writeWorkbook(bankTemplate(layout as TemplateLayout));
    res.type(XLSX_TYPE).attachment(`题库模板-${TEMPLATE_INFO[layout as TemplateLayout].name}.xlsx`).send(buffer);
  }

  @Get(':slug')
  @RequireAccess('read')
  @ApiOperation({ summary: 'A bank with its questions' })
  get(@Param('slug') slug: string) {
    return this.banks.get(slug);
  }

  @Get(':slug/export')
  @RequireAccess('read')
  @ApiOperation({ summary: 'Export a bank as Excel (one sheet with a 题型 column) or YAML' })
  @ApiQuery({ name: 'format', enum: ['xlsx', 'yaml'], required: false })
  async export(@Param('slug') slug: string, @Res() res: Response, @Query('format') format = 'xlsx') {
    const bank = await this.banks.get(slug);
    if (format === 'yaml') {
      res.type('application/yaml').attachment(`${slug}.yaml`).send(bankToYaml(bank));
    } else if (format === 'xlsx') {
      const buffer = await writeWorkbook([bankToSheet(bank)]);
      res.type(XLSX_TYPE).attachment(`${slug}.xlsx`).send(buffer);
    } else {
      throw badField('format', '应为 xlsx 或 yaml。');
    }
  }

  @Post()
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Import a bank from Excel, CSV or YAML (all or nothing), or preview it with dryRun=true',
    description:
      'Excel/CSV: one sheet with a 题型 column, or one sheet per type (单选题, 多选题, 判断题, 填空题). Headers 题干/题目, 选项A…选项H, 答案, 解析, 分值, 标签. ' +
      'The title comes from the field `title`, the YAML file or the file name. Without `slug` the bank gets a new slug of its own, readable from the title ' +
      '(pinyin, -2, -3… when taken). With `slug` naming an existing bank the upload replaces it only when `replace` is true (409 otherwise), ' +
      'and never while a scheduled or open round uses it (409). A file with bad rows imports nothing: the 400 lists every bad row in `errors`. ' +
      'With dryRun=true (answered 200) nothing is written: `{ ok, title, questions: [{ sheet, row, key, type, stem, options, answer, answerText, points, explanation }], counts, errors: [{ sheet, row, reason }] }`.',
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @FileUpload({ title: { type: 'string' }, slug: { type: 'string' }, replace: { type: 'string', description: 'true to replace the bank named by slug' } })
  async import(
    @UploadedFile() upload: Express.Multer.File | undefined,
    @Body() body: { title?: string; slug?: string; replace?: string },
    @Query('dryRun') dryRunText: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const dryRun = isDryRun(dryRunText);
    const file = requireFile(upload);
    const titleField = (body?.title ?? '').trim();
    if (titleField.length > 100) throw badField('title', '不能超过100个字符。');
    const slug = (body?.slug ?? '').trim();
    if (slug && !BANK_SLUG.test(slug)) throw badField('slug', '只能用小写字母、数字和 -，2至60个字符。');
    const replace = (body?.replace ?? '').trim().toLowerCase();
    if (replace && replace !== 'true' && replace !== 'false') throw badField('replace', '应为 true 或 false。');
    if (replace === 'true' && !slug) throw badField('replace', '要替换题库，请同时填写要替换的题库 slug');
    const read = await this.readUpload(file, titleField);
    if (dryRun) {
      res.status(200);
      return {
        ok: read.errors.length === 0,
        title: read.bank.title,
        questions: read.rows.map(({ sheet, row, question: q }) => ({
          sheet,
          row,
          key: q.key,
          type: q.type,
          stem: q.stem,
          options: q.options,
          answer: q.answer,
          answerText: answerCell(q),
          points: q.points,
          explanation: q.explanation ?? null,
        })),
        counts: countTypes(read.rows.map((r) => r.question.type)),
        errors: read.errors,
      };
    }
    if (read.errors.length) {
      const [first] = read.errors;
      if (first.row === null) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: first.reason, field: 'file' });
      rejectBadRows(read.errors as RowError[]);
    }
    // A slug written in a YAML file only names the new bank: replacing one takes the slug field and replace=true.
    const target: UploadTarget = slug
      ? { kind: 'named', slug, replace: replace === 'true' }
      : { kind: 'new', base: slugBaseOf(read.fileSlug, read.bank.title) };
    return this.banks.importUpload(read.bank, target);
  }

  /** Reads a YAML file (its first problem, without a row) or a table (every bad row). */
  private async readUpload(file: Express.Multer.File, titleField: string): Promise<ReadUpload> {
    const name = uploadName(file);
    const lower = name.toLowerCase();
    if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
      try {
        const { slug: declared, ...parsed } = parseBankYaml(decodeText(file.buffer), name);
        const bank = { ...parsed, title: titleField || parsed.title };
        return { bank, fileSlug: declared, rows: bank.questions.map((question, i) => ({ sheet: 'yaml', row: i + 1, question })), errors: [] };
      } catch (err) {
        if (err instanceof BankFileError) return { bank: { title: titleField || name, questions: [] }, rows: [], errors: [{ sheet: 'yaml', row: null, reason: err.message }] };
        rethrowAsBadUpload(err);
      }
    }
    const format = tableFormatOf(lower, file.mimetype);
    if (!format) throw badField('file', '请上传 .xlsx、.csv 或 .yaml 文件。');
    try {
      const { questions, errors } = readBankSheets(await readTable(file.buffer, format));
      return {
        bank: { title: titleField || name.replace(/\.[^.]+$/, ''), questions: questions.map((q) => q.question) },
        rows: questions,
        errors: errors.map((e) => ({ sheet: e.sheet, row: e.row, reason: e.reason })),
      };
    } catch (err) {
      rethrowAsBadUpload(err);
    }
  }

  @Delete(':slug')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Delete a bank that no round uses (409 naming the rounds otherwise, with `usedBy`)' })
  remove(@Param('slug') slug: string) {
    return this.banks.remove(slug);
  }
}
