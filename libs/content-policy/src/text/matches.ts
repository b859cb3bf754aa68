/**
 * Every match of a global regular expression. String.prototype.matchAll copies the expression on
 * each call, which for the large rule expressions costs more than the search itself.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}
