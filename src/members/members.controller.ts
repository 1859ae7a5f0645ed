import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Patch, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireAccess } from '../auth/auth.guard';
import { isDryRun, openApiSchema, parseInput } from '../common/validation';
import { readTable, tableFormatOf } from '../common/tabular';
import { FileUpload, rejectBadRows, requireFile, rethrowAsBadUpload, uploadName } from '../common/upload';
import { UnitsService } from './units.service';
import { MembersService } from './members.service';
import { readRoster } from './roster';

const unitName = z.string().trim().min(1, '不能为空').max(100, '不能超过100个字符');
const headcount = z.number({ error: '应为整数' }).int('应为整数').min(0, '不能为负数');
const aliases = z.array(z.string().trim().min(1, '别名不能为空').max(50, '别名不能超过50个字符')).max(20, '别名最多20个');
const unitsBody = z
  .array(
    z.object({
      name: unitName,
      parent: unitName.nullable().optional(),
      headcount: headcount.optional(),
      aliases: aliases.optional(),
    }),
  )
  .min(1, '请至少提交一个单位')
  .max(10000, '一次最多提交10000个单位');
const unitPatch = z.strictObject(
  {
    name: unitName.optional(),
    parent: unitName.nullable().optional(),
    headcount: headcount.nullable().optional(),
    aliases: aliases.optional(),
  },
  { error: '不认识的字段' },
);

const membersQuery = z.object({
  search: z.string().trim().max(50, '不能超过50个字符').optional(),
  unit: z.string().trim().max(100, '不能超过100个字符').optional(),
  page: z.coerce.number({ error: '应为正整数' }).int('应为正整数').min(1, '应为正整数').default(1),
  pageSize: z.coerce.number({ error: '应为1到500的整数' }).int('应为1到500的整数').min(1, '应为1到500的整数').max(500, '应为1到500的整数').default(50),
});

@ApiTags('units and members')
@Controller('api')
export class MembersController {
  constructor(
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(MembersService) private readonly members: MembersService,
  ) {}

  @Get('units')
  @RequireAccess('read')
  @ApiOperation({ summary: 'All units, flat and as a tree, with headcount, aliases and members (members = memberCount)' })
  listUnits() {
    return this.units.tree();
  }

  @Post('units')
  @RequireAccess('write')
  @ApiOperation({ summary: 'Create or update units by name (all or nothing)' })
  @ApiBody({ schema: openApiSchema(unitsBody) })
  async upsertUnits(@Body() body: unknown) {
    const items = parseInput(unitsBody, body);
    return { units: await this.units.upsert(items) };
  }

  @Patch('units/:id')
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Change one unit: name, parent (a unit name, or null for top level), headcount (null clears it), aliases',
    description: '404 for an unknown unit; 409 when the name is taken or the parent lies below the unit; 400 naming the field otherwise.',
  })
  @ApiBody({ schema: openApiSchema(unitPatch) })
  updateUnit(@Param('id', ParseIntPipe) id: number, @Body() body: unknown) {
    return this.units.update(id, parseInput(unitPatch, body ?? {}));
  }

  @Post('units/roster')
  @HttpCode(200)
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Import units and members from CSV or Excel, or preview the import with dryRun=true',
    description:
      'Headers: 单位 (required), 上级单位, 人数, 姓名, optionally 别名 and 微信号. A bad row imports nothing: the 400 lists every bad row in `errors`. ' +
      'With dryRun=true nothing is written and the answer is `{ ok, rows, errors, summary: { units, members } }`.',
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @FileUpload()
  async importRoster(@UploadedFile() upload?: Express.Multer.File, @Query('dryRun') dryRunText?: string) {
    const dryRun = isDryRun(dryRunText);
    const file = requireFile(upload);
    const format = tableFormatOf(uploadName(file), file.mimetype);
    if (!format) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'file: 请上传 .csv 或 .xlsx 文件。', field: 'file' });
    let reading: ReturnType<typeof readRoster>;
    try {
      reading = readRoster(await readTable(file.buffer, format));
    } catch (err) {
      rethrowAsBadUpload(err);
    }
    const { roster, rows } = reading;
    const errors = [...reading.errors, ...(await this.units.rosterProblems(roster))];
    if (dryRun) {
      return { ok: errors.length === 0, rows, errors, summary: { units: roster.units.length, members: roster.members.length } };
    }
    if (errors.length) rejectBadRows(errors);
    return { imported: await this.units.importRoster(roster) };
  }

  @Get('members')
  @RequireAccess('read')
  @ApiOperation({ summary: 'Members a page at a time: by part of the name (search) and by unit', description: 'Answers `{ total, page, pageSize, items }`.' })
  @ApiQuery({ name: 'search', required: false })
  @ApiQuery({ name: 'unit', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false, description: '1 to 500, 50 by default' })
  async listMembers(@Query() query: Record<string, unknown>) {
    const { search, unit, page, pageSize } = parseInput(membersQuery, query, 'query');
    const result = await this.members.list({ search: search || undefined, unit: unit || undefined, skip: (page - 1) * pageSize, take: pageSize });
    return {
      total: result.total,
      page,
      pageSize,
      items: result.items.map((m) => ({ id: m.id, name: m.name, unit: m.unit, wechatId: m.wechatId, unitId: m.unitId, boundAt: m.boundAt, joinedAt: m.joinedAt, wechatBound: m.wechatBound, placedByRoster: m.placedByRoster })),
    };
  }
}
