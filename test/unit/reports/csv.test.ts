import { describe, expect, it } from 'vitest';
import {
  CSV_BOM,
  csvCell,
  csvHead,
  csvLine,
  frNumber,
  frPercent,
  parseCsv,
} from '../../../packages/domain/src/reports/csv.ts';

describe('CSV for French Excel', () => {
  it('starts with a BOM, separates with ; and ends records with CRLF', () => {
    const text = csvHead(['Nom', 'Service']) + csvLine(['Élodie', 'DRFIP']);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe('\uFEFFNom;Service\r\nÉlodie;DRFIP\r\n');
  });

  it('quotes cells holding the separator, quotes, line breaks or edge spaces, doubling inner quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('dit "bonjour"')).toBe('"dit ""bonjour"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(' espace')).toBe('" espace"');
    expect(csvCell('simple, avec virgule')).toBe('simple, avec virgule');
  });

  it('neutralises text that Excel would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+33 6')).toBe("'+33 6");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    // Numbers are ours, not user text: written as French decimals, never prefixed.
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes numbers with a decimal comma, booleans as oui/non, nothing for missing values', () => {
    expect(frNumber(84.6)).toBe('84,6');
    expect(frNumber(3)).toBe('3');
    expect(frNumber(4.456)).toBe('4,46');
    expect(frPercent(0.84615)).toBe('84,6');
    expect(frPercent(1)).toBe('100');
    expect(frPercent(null)).toBe('');
    expect(csvCell(true)).toBe('oui');
    expect(csvCell(false)).toBe('non');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('round-trips through the parser, whatever the cells contain', () => {
    const rows = [
      ['Nom', 'Commentaire', 'Nombre'],
      ['Dupont; "Jean"', 'ligne 1\nligne 2', '12'],
      ['', ';;', '"'],
      ['a\r\nb', ' x ', 'é ü ß 漢字'],
    ];
    const text =
      csvHead(rows[0]!) +
      rows
        .slice(1)
        .map((r) => csvLine(r))
        .join('');
    expect(parseCsv(text)).toEqual(rows);
  });

  it('round-trips random cells (property)', () => {
    const alphabet = ['a', 'é', ';', '"', '\n', '\r\n', ' ', 'x', '1', ','];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 200; n++) {
      const row = Array.from({ length: 1 + Math.floor(rand() * 5) }, () =>
        Array.from(
          { length: Math.floor(rand() * 8) },
          () => alphabet[Math.floor(rand() * alphabet.length)],
        ).join(''),
      )
        // Formula-like starts are prefixed by design; spaces at both ends are kept by quoting.
        .map((c) => (/^[=+\-@\t\r]/.test(c) ? `x${c}` : c));
      expect(parseCsv(csvLine(row))).toEqual([row]);
    }
  });
});
