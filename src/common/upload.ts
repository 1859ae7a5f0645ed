import { BadRequestException } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { SheetRowError, TableFormatError } from './tabular';
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
  if (!file || !file.buffer?.length) throw new BadRequestException('file: upload the file as multipart form field "file"');
  return file;
}

/** Multer reads file names as latin1; browsers send UTF-8. */
export function uploadName(file: Express.Multer.File): string {
  const raw = file.originalname ?? '';
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? raw : decoded;
}

/**
 * Turns what an upload's parser refused into a 400: a bad row with its sheet, row and reason;
 * an unreadable file (or another of `plain`) with its message. Anything else is rethrown.
 */
export function rethrowAsBadUpload(err: unknown, ...plain: Array<new (...args: any[]) => Error>): never {
  if (err instanceof SheetRowError) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: err.message, sheet: err.sheet, row: err.row, reason: err.reason });
  }
  if (err instanceof TableFormatError || err instanceof WorkbookLimitError || err instanceof YamlFormatError || plain.some((type) => err instanceof type)) throw new BadRequestException((err as Error).message);
  throw err;
}
