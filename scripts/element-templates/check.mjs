// Validates every element template file in a folder with bpmn-io's validator (Camunda's JSON schema for Camunda 7
// templates). Usage: node check.mjs <folder>. Exits 1 naming each file, path and message when one is invalid.
import { validateAll } from '@bpmn-io/element-templates-validator';
import { readFileSync, readdirSync } from 'node:fs';

const folder = process.argv[2];
const files = readdirSync(folder).filter((file) => file.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`No element templates in ${folder}`);
  process.exit(1);
}
let invalid = 0;
for (const file of files) {
  const { valid, results } = validateAll(JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')));
  for (const result of results) {
    for (const error of result.errors || []) {
      console.error(`${file}: ${error.dataPath || '/'} ${error.message}`);
    }
  }
  console.log(`${file}: ${valid ? 'valid' : 'INVALID'} (${results.length} template(s))`);
  if (!valid) {
    invalid++;
  }
}
process.exit(invalid === 0 ? 0 : 1);
