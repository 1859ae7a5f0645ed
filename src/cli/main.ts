#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { ApiClient, CliError, EXIT } from './api-client';
import { createRound, exportReport, importBank, importRoster, listBanks, listRounds, type Output } from './commands';
import { REPORTS } from './reports';

const DEFAULT_URL = 'http://127.0.0.1:3000';

const HELP_TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

const EXIT_CODES_HELP = `
退出码：0 成功；2 用法错误（命令、选项或本地文件有误）；3 身份验证失败（令牌缺失、错误或权限不足）；
        4 服务拒绝了请求（附服务的说明）；5 无法连接服务；1 其他意外错误。
环境变量：TONGZHAN_URL（服务地址，默认 ${DEFAULT_URL}），TONGZHAN_TOKEN（令牌，未设置时用 ADMIN_TOKEN）。`;

function buildProgram(run: (action: (api: ApiClient, out: Output) => Promise<void>) => Promise<void>): Command {
  const program = new Command('tongzhan')
    .description('统战答题机器人的命令行工具：对运行中的服务导入名单和题库、创建答题活动、导出报表。')
    .addOption(new Option('--url <url>', '服务地址').env('TONGZHAN_URL').default(DEFAULT_URL))
    .option('--json', '以 JSON 输出结果，便于脚本处理')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('（运行 npm run cli -- --help 查看用法。）')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`用法错误：${text}`) });

  const imports = program.command('import').description('导入名单或题库');
  imports
    .command('roster <file>')
    .alias('units')
    .description('导入单位与成员名单（CSV 或 Excel：单位、上级单位、人数、姓名…）；有错误行时整份不导入')
    .action((file: string) => run((api, out) => importRoster(api, out, file)));
  imports
    .command('bank <file>')
    .description('导入题库（Excel、CSV 或 YAML）')
    .option('--title <title>', '题库标题（默认取文件中的标题或文件名）')
    .option('--slug <slug>', '要替换的题库 slug（与 --replace 同用）')
    .option('--replace', '替换 --slug 指明的已有题库（有未结束的活动使用它时会被拒绝）')
    .action((file: string, options: { title?: string; slug?: string; replace?: boolean }) => run((api, out) => importBank(api, out, file, options)));

  const banks = program.command('banks').description('题库');
  banks
    .command('list')
    .description('列出题库')
    .action(() => run((api, out) => listBanks(api, out)));

  const rounds = program.command('rounds').description('答题活动');
  rounds
    .command('list')
    .description('列出答题活动（时间为服务所在时区）')
    .addOption(new Option('--status <status>', '只列出此状态的活动').choices(['scheduled', 'open', 'closed', 'cancelled']))
    .action((options: { status?: string }) => run((api, out) => listRounds(api, out, options.status)));
  rounds
    .command('create <file>')
    .description('按 JSON 或 YAML 文件创建答题活动（bank 可写题库 slug 或完整标题）')
    .action((file: string) => run((api, out) => createRound(api, out, file)));

  program
    .command('export <report>')
    .description(`导出报表为 CSV 或 Excel：${Object.entries(REPORTS).map(([name, r]) => `${name}（${r.label}）`).join('，')}`)
    .requiredOption('-o, --out <file>', '保存到的文件（.xlsx 或 .csv）')
    .option('-r, --round <id>', '答题活动编号（daily 以外的报表必填）', roundId)
    .addOption(new Option('-f, --format <format>', '格式（默认按文件扩展名，否则 xlsx）').choices(['csv', 'xlsx']))
    .option('--unit <name>', 'missing、daily：只看此单位及其下级')
    .option('--from <date>', 'daily：起始日期 YYYY-MM-DD')
    .option('--to <date>', 'daily：截止日期 YYYY-MM-DD')
    .option('--force', '覆盖已存在的文件')
    .action((report: string, options: Parameters<typeof exportReport>[3]) => run((api, out) => exportReport(api, out, report, options)));
  return program;
}

function roundId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new CliError(EXIT.usage, `答题活动编号须为正整数：${value}`);
  return Number(value);
}

/** Runs the CLI on `argv` (without node and the script) and resolves to its exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let outcome = EXIT.ok as number;
  const program = buildProgram(async (action) => {
    const { url, json } = program.opts<{ url: string; json?: boolean }>();
    const out: Output = {
      json: Boolean(json),
      say: (line) => {
        if (!json) process.stdout.write(`${line}\n`);
      },
      data: (value) => {
        if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      },
    };
    await action(new ApiClient({ url, token: env.TONGZHAN_TOKEN || env.ADMIN_TOKEN || undefined }), out);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    outcome = report(err, Boolean(program.opts().json));
  }
  return outcome;
}

function report(err: unknown, json: boolean): number {
  if (err instanceof CommanderError) {
    const helpOrVersion = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(err.code);
    return helpOrVersion ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof CliError) {
    process.stderr.write(json ? `${JSON.stringify({ error: err.message, exitCode: err.exitCode, detail: err.detail })}\n` : `${err.message}\n`);
    return err.exitCode;
  }
  process.stderr.write(`意外错误：${(err as Error)?.stack ?? err}\n`);
  return EXIT.unexpected;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
