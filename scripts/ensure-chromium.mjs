// The browser tests, the demo and the benchmarks drive Debian's Chromium (never a downloaded
// browser). On a fresh machine this installs it, with CJK fonts so Chinese is not drawn as boxes.
// With --firefox (the browser tests) Debian's Firefox ESR too (test/e2e/firefox.e2e.ts).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return /Noto Sans CJK/i.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wantFirefox = process.argv.includes('--firefox');
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(wantFirefox && !existsSync(firefox) ? ['firefox-esr'] : []),
  ...(hasFonts() ? [] : ['fonts-noto-cjk']),
];
if (missing.length) {
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Kezhi needs ${missing.join(' and ')}: install with  sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(existsSync(chromium) && (!wantFirefox || existsSync(firefox)) ? 0 : 1);
  }
  console.log(`installing ${missing.join(', ')} from Debian…`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, {
    stdio: 'inherit',
  });
}
