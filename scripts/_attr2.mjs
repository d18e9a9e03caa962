import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
const f = process.argv[2]; const groups = process.argv.slice(3);
const code = readFileSync(f, 'utf8');
const smc = new SourceMapConsumer(JSON.parse(readFileSync(f + '.map', 'utf8')));
const ms = []; smc.eachMapping((m) => ms.push(m));
ms.sort((a,b)=> a.generatedLine-b.generatedLine || a.generatedColumn-b.generatedColumn);
const lines = code.split('\n'); let idx=0, cur='?';
const pieces = [];
for (let li=0; li<lines.length; li++) { const line=lines[li]; let col=0;
  while (col < line.length) {
    while (idx<ms.length && (ms[idx].generatedLine<li+1 || (ms[idx].generatedLine===li+1 && ms[idx].generatedColumn<=col))) { cur = ms[idx].source ?? '?'; idx++; }
    let next=line.length; if (idx<ms.length && ms[idx].generatedLine===li+1) next=ms[idx].generatedColumn;
    pieces.push([cur, line.slice(col,next)]); col=next; }
  pieces.push([cur,'\n']); }
const full = gzipSync(code).length;
for (const g of groups) { const parts=g.split(','); const rest = pieces.filter(([s])=>!parts.some(p=>s.includes(p))).map(([,t])=>t).join('');
  console.log(g.slice(0,60).padEnd(60), full - gzipSync(rest).length); }
