// Renders every diagram of bpmn/ to SVG with bpmn-js (the renderer of Camunda Modeler and Cockpit)
// in headless Chromium, for the README's pictures (src/main/resources/static/diagrams/, also served
// by the application at /diagrams/<name>.svg).
//   node render-diagrams.mjs OUT_DIR BPMN...
// Uses the system's Chromium (CHROMIUM, default /usr/bin/chromium): no browser download.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const [outDir, ...diagrams] = process.argv.slice(2);
if (!outDir || diagrams.length === 0) {
  console.error('usage: node render-diagrams.mjs OUT_DIR BPMN...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const viewer = readFileSync(join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--lang=zh-CN']
});
try {
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="canvas" style="width:2400px;height:1600px"></div></body></html>');
  await page.addScriptTag({ content: viewer });
  for (const file of diagrams) {
    const xml = readFileSync(file, 'utf8');
    const svg = await page.evaluate(async (xml) => {
      document.getElementById('canvas').innerHTML = '';
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      if (warnings.length) {
        throw new Error('import warnings: ' + warnings.map(w => w.message).join('; '));
      }
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return svg;
    }, xml);
    // bpmn-js names arrow markers at random: number them in order, so the same diagram gives the same file.
    const ids = new Map();
    const stable = svg.replace(/marker-[a-z0-9]{20,}/g, (id) => {
      if (!ids.has(id)) {
        ids.set(id, `marker-${ids.size + 1}`);
      }
      return ids.get(id);
    });
    const out = join(outDir, basename(file).replace(/\.bpmn$/, '.svg'));
    writeFileSync(out, stable.endsWith('\n') ? stable : stable + '\n');
    console.log(`rendered ${file} -> ${out}`);
  }
} finally {
  await browser.close();
}
