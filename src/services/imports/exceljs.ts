/**
 * ExcelJS, loaded with one fix: its streaming reader decodes each compressed chunk of a sheet's XML on its own
 * (`lib/utils/parse-sax.js`), so a Chinese character whose UTF-8 bytes straddle two chunks comes out as "��"
 * (seen on a county's member file: 正式党员 read as 正式��员). The replacement keeps one streaming TextDecoder per
 * parsed part, which carries the incomplete bytes over to the next chunk. It must be in the module cache before
 * ExcelJS first loads, so every module of the app reads ExcelJS through this one.
 */
import { createRequire, Module } from 'node:module';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = createRequire(parseSaxPath)('saxes') as typeof import('saxes');

type Event = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/** parse-sax with a streaming decoder: same events, whole characters. */
async function* parseSax(iterable: AsyncIterable<Uint8Array | string>): AsyncGenerator<Event[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: Error | undefined;
  let events: Event[] = [];
  parser.on('error', (e) => {
    error = e;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
}

const cache = require.cache as Record<string, NodeJS.Module | undefined>;
if (!cache[parseSaxPath]) {
  const fixed = new Module(parseSaxPath) as NodeJS.Module & { loaded: boolean };
  fixed.filename = parseSaxPath;
  fixed.exports = parseSax;
  fixed.loaded = true;
  cache[parseSaxPath] = fixed;
} else if (cache[parseSaxPath]?.exports !== parseSax && cache[parseSaxPath]?.exports?.name !== 'parseSax') {
  throw new Error('ExcelJS was loaded before its UTF-8 fix: import it through src/services/imports/exceljs.ts');
}

const ExcelJS = require('exceljs') as typeof ExcelJSModule;
export default ExcelJS;
