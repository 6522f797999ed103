/** How a problem is printed, everywhere: `FILE:LINE: expected …, found … (hint)`. Imports nothing heavy. */
export function formatDiagnostic(d: { file: string; line: number; expected: string; found: string; hint?: string }): string {
  return `${d.file}:${d.line}: expected ${d.expected}, found ${d.found}${d.hint ? ` (${d.hint})` : ''}`;
}
