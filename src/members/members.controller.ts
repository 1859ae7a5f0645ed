import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireAccess } from '../auth/auth.guard';
import { openApiSchema, parseInput } from '../common/validation';
import { readTable, tableFormatOf } from '../common/tabular';
import { FileUpload, requireFile, rethrowAsBadUpload, uploadName } from '../common/upload';
import { UnitsService } from './units.service';
import { MembersService } from './members.service';
import { parseRoster } from './roster';

const unitName = z.string().trim().min(1, 'must not be empty').max(100, 'at most 100 characters');
const unitsBody = z
  .array(
    z.object({
      name: unitName,
      parent: unitName.nullable().optional(),
      headcount: z.number().int('must be a whole number').min(0, 'must not be negative').optional(),
      aliases: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    }),
  )
  .min(1, 'send at least one unit')
  .max(10000);

@ApiTags('units and members')
@Controller('api')
export class MembersController {
  constructor(
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(MembersService) private readonly members: MembersService,
  ) {}

  @Get('units')
  @RequireAccess('read')
  @ApiOperation({ summary: 'All units, flat and as a tree, with headcount and bound members' })
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

  @Post('units/roster')
  @HttpCode(200)
  @RequireAccess('write')
  @ApiOperation({
    summary: 'Import units and members from CSV or Excel',
    description: 'Headers: 单位 (required), 上级单位, 人数, 姓名, optionally 别名 and 微信号. A bad row imports nothing.',
  })
  @FileUpload()
  async importRoster(@UploadedFile() upload?: Express.Multer.File) {
    const file = requireFile(upload);
    const format = tableFormatOf(uploadName(file), file.mimetype);
    if (!format) throw new BadRequestException('file: expected a .csv or .xlsx file');
    try {
      const roster = parseRoster(await readTable(file.buffer, format));
      return { imported: await this.units.importRoster(roster) };
    } catch (err) {
      rethrowAsBadUpload(err);
    }
  }

  @Get('members')
  @RequireAccess('read')
  @ApiOperation({ summary: 'Members, optionally of one unit' })
  @ApiQuery({ name: 'unit', required: false })
  listMembers(@Query('unit') unit?: string) {
    return this.members.list(unit || undefined);
  }
}
