import type { Page } from 'playwright-core';
import { RIGHT } from './web-quiz';

/** Answers the question on screen rightly, by its stem; returns the answer as the page stores it (letters in order, or the text filled in). */
export async function answerShown(page: Page): Promise<string> {
  const question = page.locator('[data-question]');
  const stem = (await question.locator('.stem').innerText()).trim();
  const right = RIGHT[stem];
  if (await question.locator('[data-fill]').count()) {
    await question.locator('[data-fill]').fill(right[0]);
    return right[0];
  }
  const letters: string[] = [];
  for (const text of right) {
    const option = question.locator('[data-option]', { hasText: text });
    letters.push((await option.getAttribute('data-option')) ?? '');
    await option.click();
  }
  return letters.sort().join('');
}

/**
 * Answers the questions left rightly, submits and returns the score shown. `doubleSubmit` clicks
 * the submit control twice, as an impatient member does.
 */
export async function finish(page: Page, { doubleSubmit = false } = {}): Promise<string> {
  for (let guard = 0; guard < 10 && (await page.locator('[data-submit]').count()) === 0; guard++) {
    await page.locator('[data-question]').waitFor();
    await answerShown(page);
    await page.locator('[data-next]').click();
  }
  if (doubleSubmit) await page.locator('[data-submit]').dblclick();
  else await page.locator('[data-submit]').click();
  await page.locator('[data-score]').waitFor({ timeout: 30_000 });
  return (await page.locator('[data-score]').getAttribute('data-score'))!;
}
