/**
 * A small deterministic multilingual corpus for SentencePiece parity tests, generated from word lists
 * written here (no network, no external data). Sentences mix scripts with and without spaces between
 * words, digits, punctuation, NFKC-sensitive characters (full-width letters, ligatures, decomposed
 * accents), emoji, and irregular whitespace (double spaces, tabs, leading/trailing spaces), so the
 * normalizer, the whitespace handling, unknown characters and byte fallback all get exercised.
 */

const WORDS: Record<string, string[]> = {
  en: ['the', 'right', 'of', 'everyone', 'to', 'freedom', 'education', 'shall', 'be', 'free', 'human', 'dignity', 'and', 'equal', 'rights', 'born', 'conscience', 'reason', 'brotherhood', 'spirit', 'without', 'distinction', 'language', 'religion', 'political', 'opinion', 'property', 'birth', 'status', 'country', 'territory', 'life', 'liberty', 'security', 'person', 'slavery', 'servitude', 'torture', 'cruel', 'law', 'protection', "don't", "it's", 'well-known'],
  de: ['alle', 'Menschen', 'sind', 'frei', 'und', 'gleich', 'an', 'Würde', 'Rechten', 'geboren', 'Vernunft', 'Gewissen', 'begabt', 'sollen', 'einander', 'im', 'Geiste', 'der', 'Brüderlichkeit', 'begegnen', 'Straße', 'größer', 'Übung', 'Äpfel', 'schön'],
  fr: ['tous', 'les', 'êtres', 'humains', 'naissent', 'libres', 'égaux', 'en', 'dignité', 'et', 'droits', 'ils', 'sont', 'doués', 'de', 'raison', 'conscience', 'doivent', 'agir', 'envers', 'uns', 'autres', "l'homme", "d'éducation", 'français', 'où', 'à', 'cœur', 'Noël'],
  es: ['todos', 'los', 'seres', 'humanos', 'nacen', 'libres', 'iguales', 'en', 'dignidad', 'derechos', 'dotados', 'como', 'están', 'razón', 'conciencia', 'deben', 'comportarse', 'fraternalmente', 'los', 'unos', 'con', 'otros', 'niño', 'año', '¿qué', 'señor'],
  tr: ['bütün', 'insanlar', 'hür', 'haysiyet', 've', 'haklar', 'bakımından', 'eşit', 'doğarlar', 'akıl', 'vicdana', 'sahiptirler', 'birbirlerine', 'karşı', 'kardeşlik', 'zihniyeti', 'ile', 'hareket', 'etmelidirler', 'İstanbul', 'ığdır', 'şehir'],
  vi: ['tất', 'cả', 'mọi', 'người', 'sinh', 'ra', 'đều', 'được', 'tự', 'do', 'và', 'bình', 'đẳng', 'về', 'nhân', 'phẩm', 'quyền', 'lợi', 'mọi', 'con', 'người', 'đều', 'được', 'tạo', 'hóa', 'ban', 'cho', 'lý', 'trí'],
  ru: ['все', 'люди', 'рождаются', 'свободными', 'и', 'равными', 'в', 'своем', 'достоинстве', 'правах', 'они', 'наделены', 'разумом', 'совестью', 'должны', 'поступать', 'отношении', 'друг', 'друга', 'духе', 'братства', 'ёлка', 'Москва'],
  el: ['όλοι', 'οι', 'άνθρωποι', 'γεννιούνται', 'ελεύθεροι', 'και', 'ίσοι', 'στην', 'αξιοπρέπεια', 'τα', 'δικαιώματα', 'είναι', 'προικισμένοι', 'με', 'λογική', 'συνείδηση', 'οφείλουν', 'να', 'συμπεριφέρονται', 'μεταξύ', 'τους', 'πνεύμα', 'αδελφοσύνης'],
  ar: ['يولد', 'جميع', 'الناس', 'أحرارا', 'متساوين', 'في', 'الكرامة', 'والحقوق', 'وقد', 'وهبوا', 'عقلا', 'وضميرا', 'وعليهم', 'أن', 'يعامل', 'بعضهم', 'بعضا', 'بروح', 'الإخاء'],
  hi: ['सभी', 'मनुष्यों', 'को', 'गौरव', 'और', 'अधिकारों', 'के', 'मामले', 'में', 'जन्मजात', 'स्वतन्त्रता', 'समानता', 'प्राप्त', 'है', 'उन्हें', 'बुद्धि', 'अन्तरात्मा', 'की', 'देन', 'प्राप्त', 'परस्पर', 'भाईचारे', 'भाव', 'से', 'बर्ताव', 'करना', 'चाहिए'],
  ko: ['모든', '인간은', '태어날', '때부터', '자유로우며', '그', '존엄과', '권리에', '있어', '동등하다', '인간은', '천부적으로', '이성과', '양심을', '부여받았으며', '서로', '형제애의', '정신으로', '행동하여야', '한다'],
};

/** Scripts written without spaces between words: sentences are runs of these chunks. */
const NO_SPACE: Record<string, string[]> = {
  ja: ['すべての', '人間は', '生まれながらにして', '自由であり', 'かつ', '尊厳と', '権利とについて', '平等である', '人間は', '理性と', '良心とを', '授けられており', '互いに', '同胞の', '精神をもって', '行動しなければならない', 'カタカナ', 'ｶﾀｶﾅ'],
  zh: ['人人', '生而', '自由', '在', '尊严', '和', '权利', '上', '一律', '平等', '他们', '赋有', '理性', '和', '良心', '并', '应', '以', '兄弟', '关系', '的', '精神', '相对待'],
  th: ['มนุษย์', 'ทั้งหลาย', 'เกิด', 'มา', 'มี', 'อิสระ', 'และ', 'เสมอภาค', 'กัน', 'ใน', 'เกียรติศักดิ์', 'และ', 'สิทธิ', 'ต่าง', 'ใน', 'มโนธรรม'],
};

/** Extras sprinkled into sentences: punctuation, numbers, NFKC-sensitive forms, emoji, symbols. */
const EXTRAS = [',', '.', '!', '?', ';', ':', '(', ')', '"', '«', '»', '—', '–', '…', '%', '€', '$', '#', '@',
  'ＡＢＣ', 'ｆｕｌｌ', '１２３', 'ﬁne', 'ﬂow', 'café', 'cafe\u0301', '½', '²', 'Ⅻ', '℃', '㎏', '🙂', '🚀', '👍🏽', '中文', 'x²', 'e-mail', 'http://example.org', 'user@mail.com'];

import { mulberry32 as rng } from '../../src/util/seeded-random.js';

export { rng };

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function number(r: () => number): string {
  const kind = Math.floor(r() * 4);
  if (kind === 0) return String(Math.floor(r() * 10000));
  if (kind === 1) return `${Math.floor(r() * 100)}.${Math.floor(r() * 100)}`;
  if (kind === 2) return String(1900 + Math.floor(r() * 130));
  return `${Math.floor(r() * 1000)},${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
}

function sentence(r: () => number): string {
  const langs = [...Object.keys(WORDS), ...Object.keys(NO_SPACE)];
  const lang = pick(r, langs);
  const n = 4 + Math.floor(r() * 12);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.08) parts.push(number(r));
    else if (x < 0.16) parts.push(pick(r, EXTRAS));
    else if (lang in NO_SPACE) parts.push(pick(r, NO_SPACE[lang] as string[]));
    else parts.push(pick(r, WORDS[lang] as string[]));
  }
  const glue = lang in NO_SPACE ? '' : ' ';
  let s = parts.join(glue);
  if (r() < 0.5) s = s.charAt(0).toUpperCase() + s.slice(1);
  if (r() < 0.1) s = s.replace(' ', '  ');
  if (r() < 0.05) s = s.replace(' ', '\t');
  if (r() < 0.05) s = ' ' + s;
  if (r() < 0.05) s = s + ' ';
  return s + (r() < 0.7 ? '.' : '');
}

/** `count` sentences from a seed; different seeds give disjoint-enough held-out sets. */
export function generateCorpus(seed: number, count: number): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => sentence(r));
}
