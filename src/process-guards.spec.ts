import { execFileSync } from 'node:child_process';
import path from 'node:path';

describe('process guards', () => {
  it('log an unhandled rejection and a throw in a timer, and the process keeps running', () => {
    // Run in a child process: the guards change how the whole process reacts to errors.
    const built = path.join(__dirname, '..', 'dist', 'src', 'process-guards.js');
    const program = `
      const { installProcessGuards } = require(${JSON.stringify(built)});
      const lines = [];
      installProcessGuards({ error: (m) => lines.push(m), log() {}, warn() {} });
      Promise.reject(new Error('database went away'));
      setTimeout(() => { throw new Error('timer failed'); }, 5);
      setTimeout(() => console.log(JSON.stringify(lines)), 50);
    `;
    const out = execFileSync(process.execPath, ['-e', program], { encoding: 'utf8' });
    const logged: string[] = JSON.parse(out.trim());
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/unhandled promise rejection: Error: database went away/);
    expect(logged[1]).toMatch(/uncaught exception: Error: timer failed/);
  });
});
