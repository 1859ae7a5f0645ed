import JSZip from 'jszip';

/** Rewrites the first worksheet of an .xlsx: `edit` gets its XML and returns the new one. */
async function withFirstSheet(workbook: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const name = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort()[0];
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The workbook with 60 MB of blank space in its first sheet: about 60 KB packed, a zip bomb. */
export function zipBomb(workbook: Buffer): Promise<Buffer> {
  return withFirstSheet(workbook, (xml) => xml.replace('</worksheet>', `${' '.repeat(60 * 1024 * 1024)}</worksheet>`));
}

/** The workbook with one more cell, at `reference` (e.g. XFD1048576), on its own row. */
export function withFarCell(workbook: Buffer, reference: string): Promise<Buffer> {
  const row = /\d+$/.exec(reference)![0];
  return withFirstSheet(workbook, (xml) =>
    xml.replace('</sheetData>', `<row r="${row}"><c r="${reference}" t="inlineStr"><is><t>远处的单元格</t></is></c></row></sheetData>`),
  );
}

/**
 * A YAML "billion laughs" as a `laughs:` key at `indent`: nine levels of nine aliases, so that
 * `*i` after it expands to 9^9 strings.
 */
export function aliasBomb(indent = ''): string {
  const names = 'abcdefghi';
  const lines = [`a: &a [${Array(9).fill('"哈"').join(', ')}]`];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return [`${indent}laughs:`, ...lines.map((line) => `${indent}  ${line}`)].join('\n');
}
