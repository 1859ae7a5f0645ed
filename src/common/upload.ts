import { BadRequestException } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';

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
