// Parse Mermaid files with Mermaid's own parser: node mermaid-parse.mjs NODE_MODULES FILE...
// Prints "OK <file>" or "ERR <file>: <message>" a line; exits 1 if any file failed.
import { createRequire } from 'module';
import fs from 'fs';
import { pathToFileURL } from 'url';

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(modules.endsWith('/') ? modules : modules + '/');
const { JSDOM } = await import(pathToFileURL(require.resolve('jsdom')).href);
const dom = new JSDOM('<!doctype html><html><body></body></html>');
// Mermaid's sanitiser needs a DOM, which jsdom provides outside a browser.
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
globalThis.Element = dom.window.Element;
const { default: mermaid } = await import(pathToFileURL(require.resolve('mermaid')).href);
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
let failed = false;
for (const file of files) {
  try {
    await mermaid.parse(fs.readFileSync(file, 'utf8'));
    console.log(`OK ${file}`);
  } catch (error) {
    failed = true;
    console.log(`ERR ${file}: ${String(error.message).split('\n').join(' | ')}`);
  }
}
process.exit(failed ? 1 : 0);
