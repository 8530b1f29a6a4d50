// Lints Camunda Forms with @camunda/form-linting, the linter Camunda Modeler runs on .form files.
// Bundled with esbuild (the package ships untranspiled ES modules that plain node cannot load):
//   npm run build-form-linter && node build/lint-forms.bundle.mjs ../../forms/*.form
// Exit code 1 when any form has an error; warnings and infos are printed only.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FormLinter } from '@camunda/form-linting';

// form-linting 0.25 maps Camunda Platform versions up to 7.22 to the form-js version their Tasklist
// embeds (1.8.7) and lints nothing for a newer one. Tasklist 7.23 and 7.24 embed the same form-js
// 1.8 (see README, "Tasklist in Chinese"), so a 7.24 form is linted with the 7.22 rules, as the
// newest the linter knows; the form files themselves keep 7.24.0.
const NEWEST_KNOWN_PLATFORM_VERSION = '7.22.0';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node lint-forms.bundle.mjs FORM...');
  process.exit(2);
}

const linter = new FormLinter();
let errors = 0;
let warnings = 0;
for (const file of files) {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  if (schema.executionPlatform !== 'Camunda Platform' || !/^7\.2[2-4]\./.test(schema.executionPlatformVersion || '')) {
    console.error(`${file}: executionPlatform must be Camunda Platform 7.22-7.24, is ${schema.executionPlatform} ${schema.executionPlatformVersion}`);
    errors++;
    continue;
  }
  const reports = linter.lint({ ...schema, executionPlatformVersion: NEWEST_KNOWN_PLATFORM_VERSION });
  for (const report of reports) {
    console.log(`${basename(file)}: ${report.category} ${report.id} (${report.label}): ${report.message}`);
    if (report.category === 'error') {
      errors++;
    } else if (report.category === 'warn') {
      warnings++;
    }
  }
}
console.log(`form-linting: ${files.length} forms, ${errors} errors, ${warnings} warnings`);
process.exit(errors > 0 ? 1 : 0);
