/**
 * Splits one CSV line as netperf writes it: comma-separated, a field may be double-quoted (then
 * it may hold commas, and `""` stands for one quote). An unterminated quote runs to the line end,
 * so a cut line still splits and the caller notices the missing values. Fields are not trimmed.
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}
