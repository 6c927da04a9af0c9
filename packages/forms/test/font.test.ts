import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { fontFilePath, loadFontBytes, padTrueTypeGlyphs } from '../src/font.js';

describe('font loading', () => {
  it('resolves Noto Sans TC from its npm package and caches the bytes', async () => {
    expect(fontFilePath('regular')).toMatch(/@expo-google-fonts[\\/]noto-sans-tc[\\/].*NotoSansTC_400Regular\.ttf$/u);
    const first = await loadFontBytes('regular');
    expect(await loadFontBytes('regular')).toBe(first);
  });

  it('pads every glyph to 4 bytes without changing any outline', async () => {
    const original = fontkit.create(readFileSync(fontFilePath('regular')));
    const padded = fontkit.create(Buffer.from(await loadFontBytes('regular')));
    expect(padded.numGlyphs).toBe(original.numGlyphs);
    // Internal fontkit tables, not in its typings.
    const tables = padded as unknown as { head: { indexToLocFormat: number }; loca: { offsets: number[] } };
    expect(tables.head.indexToLocFormat).toBe(1);
    expect(tables.loca.offsets.every((o) => o % 4 === 0)).toBe(true);
    for (const ch of '衛生福利部國民健康署預防保健服務單一入口系統_管理者帳號申請、異動表@0123456789') {
      const cp = ch.codePointAt(0)!;
      const a = original.glyphForCodePoint(cp);
      const b = padded.glyphForCodePoint(cp);
      expect(b.id).toBe(a.id);
      expect(b.path.toSVG()).toBe(a.path.toSVG());
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });

  it('leaves non-TrueType data alone', () => {
    const otf = new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(padTrueTypeGlyphs(otf)).toBe(otf);
  });
});
