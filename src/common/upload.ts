import { BadRequestException } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { SheetRowError, TableFormatError, rowPlace } from './tabular';
import { WorkbookLimitError } from './workbook-limits';
import { YamlFormatError } from './yaml';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A multipart upload in field `file` (plus optional text fields), documented for OpenAPI. */
export function FileUpload(extraFields: Record<string, { type: 'string'; description?: string }> = {}) {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' }, ...extraFields },
      },
    }),
  );
}

export function requireFile(file: Express.Multer.File | undefined): Express.Multer.File {
  if (!file || !file.buffer?.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'file: 请选择要上传的文件（表单字段 file）。', field: 'file' });
  return file;
}

/** Multer reads file names as latin1; browsers send UTF-8. */
export function uploadName(file: Express.Multer.File): string {
  const raw = file.originalname ?? '';
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? raw : decoded;
}

/** A bad row of an upload, as the console lists it; sheet is absent for CSV and for the file as a whole. */
export interface RowError {
  sheet?: string;
  row: number;
  reason: string;
}

/** The 400 for an upload with bad rows: every row with its reason, and nothing imported. */
export function rejectBadRows(errors: RowError[]): never {
  const first = errors[0];
  const listed = errors.slice(0, 20).map((e) => `${rowPlace(e)}：${e.reason}`).join('；');
  const more = errors.length > 20 ? `；另有${errors.length - 20}行有误` : '';
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `file: 文件中有${errors.length}处错误，未导入任何内容。${listed}${more}`,
    field: 'file',
    sheet: first.sheet,
    row: first.row,
    reason: first.reason,
    errors,
  });
}

/**
 * Turns what an upload's parser refused into a 400: a bad row with its sheet, row and reason;
 * an unreadable file (or another of `plain`) with its message. Anything else is rethrown.
 */
export function rethrowAsBadUpload(err: unknown, ...plain: Array<new (...args: any[]) => Error>): never {
  if (err instanceof SheetRowError) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: err.message, field: 'file', sheet: err.sheet, row: err.row, reason: err.reason });
  }
  if (err instanceof TableFormatError || err instanceof WorkbookLimitError || err instanceof YamlFormatError || plain.some((type) => err instanceof type)) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: (err as Error).message, field: 'file' });
  }
  throw err;
}
