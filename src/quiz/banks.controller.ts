import { BadRequestException, Body, Controller, Delete, Get, Inject, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireAccess } from '../auth/auth.guard';
import { decodeText, readTable, tableFormatOf, writeWorkbook } from '../common/tabular';
import { FileUpload, requireFile, rethrowAsBadUpload, uploadName } from '../common/upload';
import { BanksService, slugFor } from './banks.service';
import { BankFileError, bankToSheet, bankToYaml, parseBankSheets, parseBankYaml, type BankDefinition } from './engine';

const SLUG = /^[a-z0-9][a-z0-9-]{1,59}$/;

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
      'Excel/CSV: one sheet with a 题型 column, or one sheet per type (单选题, 多选题, 判断题, 填空题). Headers 题干/题目, 选项A…选项H, 答案, 解析, 分值, 标签. The title comes from the field `title` or the file name; `slug` is optional.',
  })
  @FileUpload({ title: { type: 'string' }, slug: { type: 'string' } })
  async import(@UploadedFile() upload: Express.Multer.File | undefined, @Body() body: { title?: string; slug?: string }) {
    const file = requireFile(upload);
    const name = uploadName(file);
    const lower = name.toLowerCase();
    const title = (body?.title ?? '').trim() || name.replace(/\.[^.]+$/, '');
    if (title.length > 100) throw new BadRequestException('title: must be at most 100 characters');
    const slug = (body?.slug ?? '').trim() || slugFor(title === name.replace(/\.[^.]+$/, '') ? name : title);
    if (!SLUG.test(slug)) throw new BadRequestException('slug: lowercase letters, digits and -, 2 to 60 characters');
    let bank: BankDefinition;
    try {
      if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
        const parsed = parseBankYaml(decodeText(file.buffer), name);
        bank = { ...parsed, slug: body?.slug?.trim() || parsed.slug, title: body?.title?.trim() || parsed.title };
      } else {
        const format = tableFormatOf(lower, file.mimetype);
        if (!format) throw new BadRequestException('file: expected .xlsx, .csv or .yaml');
        bank = { slug, title, questions: parseBankSheets(await readTable(file.buffer, format)) };
      }
    } catch (err) {
      rethrowAsBadUpload(err, BankFileError);
    }
    if (!bank.questions.length) throw new BadRequestException('file: no questions found');
    return this.banks.save(bank, 'organiser');
  }

  @Delete(':slug')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Delete a bank that no round uses' })
  remove(@Param('slug') slug: string) {
    return this.banks.remove(slug);
  }
}
