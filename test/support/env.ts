// Wechaty's own logger reads its level when first loaded: keep test output to real problems.
process.env.WECHATY_LOG ??= 'error';
