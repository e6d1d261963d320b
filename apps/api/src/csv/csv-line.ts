/**
 * One CSV line (RFC 4180, CRLF). Every cell is quoted; a cell a spreadsheet would run as a formula
 * (starting with =, +, -, @) gets a leading apostrophe, so a buyer's comment cannot become one.
 */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells
    .map((cell) => {
      if (cell === null || cell === undefined) return '';
      if (typeof cell === 'number') return String(cell);
      const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return `"${text.replace(/"/g, '""')}"`;
    })
    .join(',')}\r\n`;
}
