// The sections of a Markdown or plain-text document, from its headings: what a research draft's
// feedback is organised by when the author does not name the sections themselves.

/** A heading: its text without Markdown emphasis, and its level (1 for `#`). */
export interface Heading {
  heading: string;
  level: number;
}

/** The ATX headings (`#` to `######`) of `text`, in order, outside fenced code blocks. */
export function markdownHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  let isFenced = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s{0,3}(```|~~~)/.test(line)) isFenced = !isFenced;
    if (isFenced) continue;
    const match = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const heading = (match[2] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/(\*\*|__|\*|_)(.+?)\1/g, '$2')
      .replace(/^[*_]+|[*_]+$/g, '')
      .trim();
    if (heading !== '') out.push({ heading, level: (match[1] ?? '#').length });
  }
  return out;
}
