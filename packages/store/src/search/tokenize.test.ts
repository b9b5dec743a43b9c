// The tokeniser is pure: these run without a database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TERM_LENGTH, fold, isUnspaced, localeFor, queryTerms, tokenize } from './tokenize.ts';

const terms = (text: string, language?: string) => tokenize(text, language).map((t) => t.term);

describe('tokenize', () => {
  it('splits scripts written without spaces into words', () => {
    expect(terms('แรงงานข้ามชาติได้รับสิทธิประกันสังคม', 'th')).toEqual([
      'แรงงาน',
      'ข้าม',
      'ชาติ',
      'ได้',
      'รับ',
      'สิทธิ',
      'ประกัน',
      'สังคม',
    ]);
    expect(terms('ពលករចំណាកស្រុកកម្ពុជា')).toEqual(['ពលករ', 'ចំណាកស្រុក', 'កម្ពុជា']);
    expect(terms('ရွှေ့ပြောင်းအလုပ်သမားများ')).toContain('အလုပ်သမား');
    expect(terms('ແຮງງານເຄື່ອນຍ້າຍ')).toEqual(['ແຮງງານ', 'ເຄື່ອນຍ້າຍ']);
  });

  it('splits spaced scripts at spaces and punctuation, and keeps only words', () => {
    expect(terms('Workers’ rights — social-security, 2011!')).toEqual([
      'workers',
      'rights',
      'social',
      'security',
      '2011',
    ]);
    expect(terms('प्रवासी श्रमिकों के लिए')).toEqual(['प्रवासी', 'श्रमिकों', 'के', 'लिए']);
    expect(terms('  … !! ')).toEqual([]);
  });

  it('normalises with NFKC and case-folds', () => {
    expect(terms('ＷＯＲＫＥＲＳ Ｆｕｎｄ')).toEqual(['workers', 'fund']);
    // Decomposed and composed Vietnamese are the same word.
    expect(terms('Lu\u031Bo\u031B\u0300ng')).toEqual(terms('Lường'));
  });

  it('gives the diacritic-folded form of Latin words, and leaves other scripts alone', () => {
    const [luong, huu, cho] = tokenize('Lương hưu cho', 'vi');
    expect([luong?.term, luong?.folded]).toEqual(['lương', 'luong']);
    expect(huu?.folded).toBe('huu');
    expect(cho?.folded).toBeNull();
    expect(fold('Đà Nẵng')).toBe('Da Nang');
    expect(fold('café')).toBe('cafe');
    // Thai and Devanagari marks are the word's vowels and tones: never stripped.
    expect(fold('สังคม')).toBe('สังคม');
    expect(fold('श्रमिकों')).toBe('श्रमिकों');
    expect(tokenize('สังคม')[0]?.folded).toBeNull();
  });

  it('gives offsets into the text as given, even where NFKC changes its length', () => {
    const text = 'เราทำงาน ＦＵＮＤ';
    for (const t of tokenize(text)) {
      expect(tokenize(text.slice(t.start, t.end))[0]?.term).toBe(t.term);
    }
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.position)).toEqual(tokens.map((_, i) => i));
    expect(tokens.at(-1)?.term).toBe('fund');
  });

  it('picks the segmenter from the language, else from the script', () => {
    expect(localeFor('anything', 'th-TH')).toBe('th');
    expect(localeFor('ພາສາລາວ')).toBe('lo');
    expect(localeFor('ភាសាខ្មែរ')).toBe('km');
    expect(localeFor('မြန်မာ')).toBe('my');
    expect(localeFor('नेपाली')).toBe('hi');
    expect(localeFor('người lao động')).toBe('vi');
    expect(localeFor('workers')).toBe('en');
    expect(isUnspaced('สังคม')).toBe(true);
    expect(isUnspaced('social')).toBe(false);
  });

  it('cuts very long terms', () => {
    expect(Array.from(terms('a'.repeat(500))[0] ?? '')).toHaveLength(MAX_TERM_LENGTH);
  });

  it('indexes and queries the same way: every word of a text is found by itself as a query', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'แรงงาน',
            'ข้ามชาติ',
            'ពលករ',
            'Lương',
            'hưu',
            'WORKERS',
            'सामाजिक',
            'ແຮງງານ',
            ' ',
            ', ',
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const text = parts.join('');
          const indexed = new Set(tokenize(text).map((t) => t.term));
          for (const t of tokenize(text)) {
            for (const q of queryTerms(text.slice(t.start, t.end)))
              expect(indexed.has(q.term)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('queries keep each word once, in order', () => {
    expect(queryTerms('Pension pension PENSION rights').map((t) => t.term)).toEqual([
      'pension',
      'rights',
    ]);
  });
});
