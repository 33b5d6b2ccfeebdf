// Loaded with `node --import` by server-build.test.ts: records every module the process loads, one
// URL a line, in the file WAPING_TEST_LOADED_LIST names.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import process from 'node:process';

const list = process.env.WAPING_TEST_LOADED_LIST;
if (list) {
  register(
    'data:text/javascript,' +
      encodeURIComponent(
        `import { appendFileSync } from 'node:fs';
         export async function load(url, context, next) {
           appendFileSync(${JSON.stringify(list)}, url + '\\n');
           return next(url, context);
         }`,
      ),
  );
  appendFileSync(list, '');
}
