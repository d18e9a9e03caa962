// Renders public/icon/<size>.png from one SVG with Debian's Chromium (run once; the PNGs are
// committed). The mark: 知 in white on the shop-orange rounded square, with a small badge dot.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = (
  size,
) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#ff5000"/>
  <text x="64" y="90" font-size="76" text-anchor="middle" fill="#fff"
    font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" font-weight="700">知</text>
  <circle cx="104" cy="24" r="14" fill="#ffd666" stroke="#fff" stroke-width="5"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`,
  );
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
