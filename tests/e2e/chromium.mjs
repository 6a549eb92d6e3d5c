// Debian's Chromium, headless, as every browser test file opens it.
import { chromium } from 'playwright-core';

/** A browser and a page of 1280 × 900 in a Chinese locale. */
export async function open() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  return { browser, page };
}
