import { BadRequestException, Body, Controller, Delete, Get, Inject, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireAccess } from '../auth/auth.guard';
import { decodeText, readTable, tableFormatOf, writeWorkbook } from '../common/tabular';
import { FileUpload, requireFile, rethrowAsBadUpload, uploadName } from '../common/upload';
import { BanksService, type UploadTarget } from './banks.service';
import { BANK_SLUG, BankFileError, bankToSheet, bankToYaml, parseBankSheets, parseBankYaml, slugBaseOf, type BankDefinition } from './engine';

@ApiTags('question banks')
@Controller('api/banks')
export class BanksController {
  constructor(@Inject(BanksService) private readonly banks: BanksService) {}

  @Get()
  @RequireAccess('read')
  @ApiOperation({ summary: 'All banks: slug, title, question count and types' })
  list() {
    return this.banks.list();
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
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${slug}.xlsx`).send(buffer);
    } else {
      throw new BadRequestException('format: expected xlsx or yaml');
    }
  }

  @Post()
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Import a bank from Excel, CSV or YAML (all or nothing)',
    description:
      'Excel/CSV: one sheet with a 题型 column, or one sheet per type (单选题, 多选题, 判断题, 填空题). Headers 题干/题目, 选项A…选项H, 答案, 解析, 分值, 标签. ' +
      'The title comes from the field `title`, the YAML file or the file name. Without `slug` the bank gets a new slug of its own, readable from the title ' +
      '(pinyin, -2, -3… when taken). With `slug` naming an existing bank the upload replaces it only when `replace` is true (409 otherwise), ' +
      'and never while a scheduled or open round uses it (409).',
  })
  @FileUpload({ title: { type: 'string' }, slug: { type: 'string' }, replace: { type: 'string', description: 'true to replace the bank named by slug' } })
  async import(@UploadedFile() upload: Express.Multer.File | undefined, @Body() body: { title?: string; slug?: string; replace?: string }) {
    const file = requireFile(upload);
    const name = uploadName(file);
    const lower = name.toLowerCase();
    const titleField = (body?.title ?? '').trim();
    if (titleField.length > 100) throw new BadRequestException('title: must be at most 100 characters');
    const slug = (body?.slug ?? '').trim();
    if (slug && !BANK_SLUG.test(slug)) throw new BadRequestException('slug: lowercase letters, digits and -, 2 to 60 characters');
    const replace = (body?.replace ?? '').trim().toLowerCase();
    if (replace && replace !== 'true' && replace !== 'false') throw new BadRequestException('replace: expected true or false');
    if (replace === 'true' && !slug) throw new BadRequestException('replace: 要替换题库，请同时填写要替换的题库 slug');
    let bank: Omit<BankDefinition, 'slug'>;
    let fileSlug: string | undefined;
    try {
      if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
        const { slug: declared, ...parsed } = parseBankYaml(decodeText(file.buffer), name);
        bank = { ...parsed, title: titleField || parsed.title };
        fileSlug = declared;
      } else {
        const format = tableFormatOf(lower, file.mimetype);
        if (!format) throw new BadRequestException('file: expected .xlsx, .csv or .yaml');
        bank = { title: titleField || name.replace(/\.[^.]+$/, ''), questions: parseBankSheets(await readTable(file.buffer, format)) };
      }
    } catch (err) {
      rethrowAsBadUpload(err, BankFileError);
    }
    if (!bank.questions.length) throw new BadRequestException('file: no questions found');
    // A slug written in a YAML file only names the new bank: replacing one takes the slug field and replace=true.
    const target: UploadTarget = slug
      ? { kind: 'named', slug, replace: replace === 'true' }
      : { kind: 'new', base: slugBaseOf(fileSlug, bank.title) };
    return this.banks.importUpload(bank, target);
  }

  @Delete(':slug')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Delete a bank that no round uses' })
  remove(@Param('slug') slug: string) {
    return this.banks.remove(slug);
  }
}
