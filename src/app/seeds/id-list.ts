/**
 * A list of account ids as a person types it in the seed box: separated by commas (or new
 * lines), with double quotes around an id that holds a comma, a quote (doubled: "say ""hi""")
 * or leading and trailing spaces. Anything else is taken literally, '@', ';' and '#' included.
 */
export function parseIdList(text: string): string[] {
  const ids: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    let id = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            id += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        id += text[i++];
      }
      while (i < n && text[i] !== ',' && text[i] !== '\n') i++;
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\n') i++;
      id = text.slice(start, i).trim();
    }
    if (id !== '') ids.push(id);
    i++; // the separator
  }
  return ids;
}
