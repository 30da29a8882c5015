/**
 * Undoes the common ways analysts "defang" indicators so that nobody clicks them
 * (docs/protocol.md §8 lists them): 'hxxp://' and 'hxxps://' (any case), 'fxp://',
 * '[.]', '(.)', '{.}', '[dot]', '(dot)', '[:]', '[://]', '[@]', '[at]'. Only
 * bracketed forms are rewritten, so a plain word such as 'dot' is never touched.
 */
// Bracketed separators first, so that 'hxxp[:]//' and 'hxxps[://]' reach the scheme rule.
const REPLACEMENTS: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  [/\[:\/\/\]/g, () => '://'],
  [/\[:\]/g, () => ':'],
  [/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, () => '.'],
  [/\[@\]|\[at\]/gi, () => '@'],
  [/^hxxp(s?):\/\//i, (_m, s = '') => `http${s.toLowerCase()}://`],
  [/^fxp:\/\//i, () => 'ftp://'],
]

export function refang(text: string): string {
  let out = text
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement)
  return out
}
