import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';
import { freePort } from './support/puppet-server';
import { sampleBankWorkbook } from './support/quiz-helpers';

const ROOT = path.resolve(__dirname, '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a separate process, with only the environment given (no token inherited). */
function cli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let CLI = '';
let buildDir = '';

describe('the CLI against a running service', () => {
  let t: TestApp;
  let work: string;
  let asAdmin: Record<string, string>;

  beforeAll(async () => {
    // Compiled from the current sources, so the test never runs a stale build.
    const out = (buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-build-')));
    execFileSync(
      path.join(ROOT, 'node_modules', '.bin', 'tsc'),
      ['--outDir', out, '--rootDir', ROOT, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'ES2023', '--esModuleInterop', '--skipLibCheck', '--strict', '--types', 'node', path.join(ROOT, 'src', 'cli', 'main.ts')],
      { cwd: ROOT, stdio: 'pipe' },
    );
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'));
    CLI = path.join(out, 'src', 'cli', 'main.js');
    t = await startTestApp();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-work-'));
    asAdmin = { TONGZHAN_URL: t.url, TONGZHAN_TOKEN: ADMIN };
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    for (const dir of [buildDir, work]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a roster and refuses one with a bad row, naming it', async () => {
    const roster = path.join(work, '名单.csv');
    fs.writeFileSync(roster, '单位,上级单位,人数,姓名\n市委统战部,,,\n九三学社,市委统战部,12,张三\n民盟市委,市委统战部,8,李四\n');
    const ok = await cli(['import', 'roster', roster], asAdmin);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toContain('单位 3 个，成员 2 人');

    const bad = path.join(work, 'bad.csv');
    fs.writeFileSync(bad, '单位,上级单位,人数,姓名\n农工党市委,市委统战部,10,王五\n致公党市委,市委统战部,十二,赵六\n');
    const refused = await cli(['import', 'units', bad], asAdmin);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('服务拒绝了请求（400）');
    expect(refused.stderr).toContain('人数');
    const units = await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    expect(units.body.units.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['九三学社', '民盟市委']));
    expect(units.body.units.map((u: { name: string }) => u.name)).not.toContain('农工党市委');
  });

  it('imports a bank, lists it, and replaces it only with --slug and --replace', async () => {
    const bankFile = path.join(work, '统战知识题库.xlsx');
    fs.writeFileSync(bankFile, await sampleBankWorkbook());
    const imported = await cli(['--json', 'import', 'bank', bankFile, '--title', '统战知识题库'], asAdmin);
    expect(imported.code).toBe(0);
    const bank = JSON.parse(imported.stdout);
    expect(bank).toMatchObject({ title: '统战知识题库', questionCount: 4 });

    const listed = await cli(['banks', 'list'], asAdmin);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(bank.slug);
    expect(listed.stdout).toContain('统战知识题库');

    expect((await cli(['import', 'bank', bankFile, '--replace'], asAdmin)).code).toBe(2);
    const replaced = await cli(['import', 'bank', bankFile, '--slug', bank.slug, '--replace'], asAdmin);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(`已替换题库「统战知识题库」（slug：${bank.slug}）`);
  });

  it('creates a round from a YAML file naming its bank by title, and lists it', async () => {
    const roundFile = path.join(work, 'round.yaml');
    fs.writeFileSync(
      roundFile,
      ['bank: 统战知识题库', 'title: 统战知识周测', 'startsAt: "2030-03-01 09:00"', 'endsAt: "2030-03-03 18:00"', 'questionCount: 3', 'audience:', '  units: [九三学社, 民盟市委]', ''].join('\n'),
    );
    const created = await cli(['rounds', 'create', roundFile], asAdmin);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/已创建答题活动 #\d+「统战知识周测」：2030-03-01 09:00 至 2030-03-03 18:00/);
    expect(created.stdout).toContain('预计需发送');

    const listed = await cli(['--json', 'rounds', 'list', '--status', 'scheduled'], asAdmin);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ title: '统战知识周测', audience: { units: ['九三学社', '民盟市委'], rooms: [] } })]);
    const table = await cli(['rounds', 'list'], asAdmin);
    expect(table.stdout).toMatch(/统战知识周测\s+未开始\s+2030-03-01 09:00/);

    const json = path.join(work, 'round.json');
    fs.writeFileSync(json, JSON.stringify({ bank: '统战知识题库', title: '太多题', startsAt: '2030-03-01 09:00', endsAt: '2030-03-02 09:00', questionCount: 50 }));
    const refused = await cli(['rounds', 'create', json], asAdmin);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('questionCount');
  });

  it('exports a report as a real Excel workbook and as CSV, never overwriting a file silently', async () => {
    const round = (await request(t.url).get('/api/rounds').set(auth(STATS)).expect(200)).body[0];
    const xlsx = path.join(work, '单位统计.xlsx');
    const saved = await cli(['export', 'units', '--round', String(round.id), '--out', xlsx], { ...asAdmin, TONGZHAN_TOKEN: STATS });
    expect(saved).toMatchObject({ code: 0, stderr: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0];
    const cells = (row: number) => (sheet.getRow(row).values as unknown[]).map((v) => String(v ?? ''));
    expect(cells(1).join('|')).toContain('单位');
    const units = sheet.getColumn(1).values.map((v) => String(v ?? ''));
    expect(units).toEqual(expect.arrayContaining(['九三学社', '民盟市委']));

    const again = await cli(['export', 'units', '--round', String(round.id), '--out', xlsx], asAdmin);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('文件已存在');

    const csv = path.join(work, 'attempts.csv');
    expect((await cli(['export', 'attempts', '-r', String(round.id), '-o', csv], asAdmin)).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split('\n')[0]).toContain('单位');

    expect((await cli(['export', 'missing', '--out', path.join(work, 'm.xlsx')], asAdmin)).code).toBe(2);
    expect((await cli(['export', 'ranking', '--round', '1', '--out', path.join(work, 'r.xlsx')], asAdmin)).code).toBe(2);
    const unknown = await cli(['export', 'units', '--round', '99999', '--out', path.join(work, 'none.xlsx')], asAdmin);
    expect(unknown.code).toBe(4);
    expect(fs.readdirSync(work).filter((f) => f.startsWith('none.xlsx'))).toEqual([]);
  });

  it('fails with the authentication exit code for a wrong, missing or read-only token', async () => {
    const wrong = await cli(['banks', 'list'], { TONGZHAN_URL: t.url, TONGZHAN_TOKEN: 'not-the-token' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('令牌不正确');

    const missing = await cli(['banks', 'list'], { TONGZHAN_URL: t.url });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('TONGZHAN_TOKEN');

    // ADMIN_TOKEN is the fallback when TONGZHAN_TOKEN is unset.
    expect((await cli(['banks', 'list'], { TONGZHAN_URL: t.url, ADMIN_TOKEN: ADMIN })).code).toBe(0);

    const roster = path.join(work, 'r.csv');
    fs.writeFileSync(roster, '单位\n台盟市委\n');
    const readOnly = await cli(['import', 'roster', roster], { TONGZHAN_URL: t.url, TONGZHAN_TOKEN: STATS });
    expect(readOnly.code).toBe(3);
    expect(readOnly.stderr).toContain('无权');
  });

  it('fails with the connection exit code when nothing listens, and the usage code for a bad call', async () => {
    const port = await freePort();
    const refused = await cli(['--url', `http://127.0.0.1:${port}`, 'rounds', 'list'], { TONGZHAN_TOKEN: ADMIN });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('无法连接服务');

    expect((await cli(['rounds', 'frobnicate'], asAdmin)).code).toBe(2);
    expect((await cli(['import', 'roster', path.join(work, 'no-such-file.csv')], asAdmin)).code).toBe(2);
    expect((await cli(['--help'], asAdmin)).code).toBe(0);
  });
});
