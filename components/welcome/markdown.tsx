/**
 * Just enough Markdown for PRIVACY.md (headings, paragraphs, lists, tables, `code`, **bold**,
 * links) as Preact nodes: the in-extension privacy page shows the same text as the file, with no
 * innerHTML.
 */
import type { ComponentChildren, VNode } from 'preact';

function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(<code>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(<a href={m[4]}>{m[3]}</a>);
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** Renders a Markdown text as a list of block elements. */
export function renderMarkdown(md: string): VNode[] {
  const blocks: VNode[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const H = `h${heading[1]!.length}` as 'h1';
      blocks.push(<H>{inline(heading[2]!)}</H>);
      i++;
    } else if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i]!))
        items.push(lines[i++]!.replace(/^\s*[-*]\s+/, ''));
      blocks.push(
        <ul>
          {items.map((t) => (
            <li>{inline(t)}</li>
          ))}
        </ul>,
      );
    } else if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) {
        const r = cells(lines[i++]!);
        if (!r.every((c) => /^:?-+:?$/.test(c))) rows.push(r);
      }
      const [head, ...body] = rows;
      blocks.push(
        <table>
          <thead>
            <tr>
              {head?.map((c) => (
                <th>{inline(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((r) => (
              <tr>
                {r.map((c) => (
                  <td>{inline(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>,
      );
    } else if (line.trim() === '') i++;
    else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^(#|\s*[-*]\s|\s*\|)/.test(lines[i]!))
        para.push(lines[i++]!);
      blocks.push(<p>{inline(para.join(' '))}</p>);
    }
  }
  return blocks;
}

/** The part of PRIVACY.md for one language: from its `<!-- lang:xx -->` marker to the next. */
export function privacySection(md: string, lang: 'zh_CN' | 'en'): string {
  const parts = md.split(/<!-- lang:(zh_CN|en) -->/);
  for (let i = 1; i < parts.length; i += 2) if (parts[i] === lang) return parts[i + 1] ?? '';
  return md;
}
