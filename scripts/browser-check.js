// Driven by browser-check.sh: model cards and Cockpit in headless Chromium, screenshots in $OUT.
const { chromium } = require('playwright-core');
const base = process.env.BASE;
const out = process.env.OUT;

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log('ok   ' + message);
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // Model cards, as an auditor (HTTP Basic, as the API asks)
    const auditor = await browser.newContext({ httpCredentials: { username: 'auditor', password: process.env.AUDITOR_PASSWORD || 'auditor' },
      viewport: { width: 1200, height: 1600 } });
    const api = await auditor.request.get(base + '/api/models');
    check(api.ok(), 'GET /api/models answers ' + api.status());
    const deployed = (await api.json()).filter(m => m.status === 'DEPLOYED');
    check(deployed.length > 0, deployed.length + ' deployed model(s) to show');
    for (const model of deployed) {
      const page = await auditor.newPage();
      const response = await page.goto(`${base}/api/models/${model.modelVersionId}/card`);
      check(response.ok(), `card of ${model.modelName} (${model.modelVersionId}) loads`);
      const curves = await page.$$eval('#roc-curve polyline', lines => lines.map(l => l.getBBox().width * l.getBBox().height));
      check(curves.length > 0 && curves.every(area => area > 100), `${model.modelName}: ${curves.length} ROC curve(s) drawn`);
      const cells = await page.$$eval('#confusion-matrix rect', rects => rects.filter(r => r.getBBox().width > 5).length);
      check(cells >= 4, `${model.modelName}: confusion matrix with ${cells} cells drawn`);
      if (await page.$('#drift-chart')) {
        const bars = await page.$$eval('#drift-chart rect', rects => rects.filter(r => r.getBBox().width >= 1).length);
        check(bars > 0, `${model.modelName}: drift chart with ${bars} attribute bar(s) drawn`);
        const trend = await page.$$eval('#drift-trend circle', dots => dots.length);
        check(trend > 0, `${model.modelName}: drift and accuracy over the checks drawn (${trend} point(s))`);
      }
      await page.screenshot({ path: `${out}/card-${model.modelName}.png`, fullPage: true });
      await page.close();
    }

    // Cockpit, as the auditor logs in there
    const cockpit = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await cockpit.goto(base + '/camunda/app/cockpit/default/');
    await cockpit.fill('input[type="text"]', 'auditor');
    await cockpit.fill('input[type="password"]', process.env.AUDITOR_PASSWORD || 'auditor');
    await cockpit.click('button[type="submit"]');
    await cockpit.waitForSelector('text=Process Definitions', { timeout: 30000 });
    await cockpit.waitForTimeout(2000);
    await cockpit.screenshot({ path: `${out}/cockpit-dashboard.png` });
    await cockpit.goto(base + '/camunda/app/cockpit/default/#/processes');
    await cockpit.waitForSelector('text=ai-engagement', { timeout: 30000 });
    await cockpit.waitForTimeout(1500);
    await cockpit.screenshot({ path: `${out}/cockpit-processes.png` });
    check(true, 'Cockpit lists ai-engagement for the auditor');
    console.log('screenshots in ' + out);
  } finally {
    await browser.close();
  }
})().catch(e => { console.error('FAIL ' + e.message); process.exit(1); });
