// Is this a farm product (nông sản) for the campaign? Decided from the category/breadcrumb first, then a
// Vietnamese produce lexicon on the name. The answer carries its reason so the person can override it.
import { foldVietnamese, hasDiacritics, words } from './text';

/** Category codes: those of the region pack (lang-son-products.json) plus livestock and fish. */
export const farmCategories: Record<string, string> = {
  trai_cay: 'Trái cây',
  gia_vi_duoc_lieu: 'Gia vị, dược liệu',
  nong_san_che_bien: 'Nông sản chế biến',
  thuc_pham_che_bien: 'Thực phẩm chế biến',
  che_do_uong: 'Chè, đồ uống',
  rau_cu: 'Rau, củ, măng',
  luong_thuc: 'Lương thực',
  chan_nuoi: 'Thịt, trứng, gia cầm',
  thuy_san: 'Thủy sản',
  nong_san: 'Nông sản', // a farm category page whose product the lexicon does not name
};

// Phrases per category, "|"-separated. Longest phrase wins at each position.
const PRODUCE: Record<string, string> = {
  trai_cay:
    'na|na chi lăng|na dai|mãng cầu|hồng|hồng không hạt|hồng vành khuyên|quýt|cam|bưởi|đào|mận|lê|chuối|vải thiều|quả vải|nhãn|xoài|dứa|ổi|táo|dưa hấu|trám|trái cây|hoa quả',
  gia_vi_duoc_lieu:
    'hồi|hoa hồi|đại hồi|hồi khô|quế|vỏ quế|quế khô|tinh dầu hồi|tinh dầu quế|gừng|nghệ|tinh bột nghệ|tỏi|ớt|sả|hạt tiêu|mắc mật|móc mật|lá mắc mật|thảo quả|dược liệu|gia vị',
  nong_san: 'nông sản|đặc sản|thực phẩm|ocop|nông nghiệp',
  nong_san_che_bien: 'thạch đen|mật ong|miến dong|mứt|bánh chưng|bánh gio|bánh gai|bánh ngải',
  thuc_pham_che_bien: 'khâu nhục|bánh khảo|vịt quay|lợn quay|lạp sườn|thịt gác bếp|thịt hun khói|giò|chả',
  che_do_uong: 'chè|trà|chè mẫu sơn|trà mẫu sơn|rượu mẫu sơn|rượu ngô|cà phê',
  rau_cu: 'rau|củ|măng|măng khô|măng tươi|khoai|khoai lang|khoai môn|khoai tây|sắn|su su|bí|bầu|cải|nấm|nấm hương|mộc nhĩ|lạc|đậu|đỗ|đậu tương|đậu xanh',
  luong_thuc: 'gạo|gạo nếp|nếp|ngô|kê|gạo tẻ',
  chan_nuoi: 'thịt lợn|thịt heo|thịt bò|thịt trâu|thịt gà|thịt vịt|gà đồi|gà ri|gà|vịt|trứng|trứng gà|trứng vịt|lợn|lợn đen',
  thuy_san: 'cá|tôm|cua|ốc',
};

// Not produce, even when a produce word appears ("áo màu hồng", "máy phục hồi").
const NON_FARM =
  'giày|dép|sneaker|áo|quần|váy|túi xách|balo|ví da|đồng hồ|kính|mũ|điện thoại|smartphone|iphone|samsung|laptop|máy tính|máy|tai nghe|ốp lưng|sạc|cáp|tivi|tủ lạnh|quạt|nồi|chảo|mỹ phẩm|son môi|kem dưỡng|dầu gội|sữa rửa mặt|nước hoa|đồ chơi|sách|thẻ cào|văn phòng phẩm|xe máy|phụ kiện|thời trang|điện tử|điện máy|gia dụng|nội thất|làm đẹp|thể thao';
// Phrases that contain a produce word but mean something else; they only hide it.
const MASK =
  'phục hồi|hồi phục|hồi ký|hồi sinh|thu hồi|hồi âm|màu hồng|hồng ngoại|hồng hào|ngô nghê|khoai khoái|cam kết|đào tạo|cá nhân|cá tính|ốc vít|công nghệ|nghệ thuật|nghệ sĩ|thống kê|kê khai|liên lạc|lạc quan|câu lạc bộ|cải thiện|cải tạo|cải cách|bí mật|bí quyết|đậu xe|đỗ xe|na ná';
// Single words safe to match in text typed without diacritics ("hoi" → hồi); others collide
// ("nam" is nấm and nam, "ca" is cá and ca, "que" is quế and quê).
const ASCII_SAFE = new Set('hoi na gao rau khoai ngo quyt xoai mang giay dep sneaker laptop iphone samsung smartphone'.split(' '));

type Kind = string | 'non-farm' | 'mask';
export interface Term {
  words: string[];
  kind: Kind;
  phrase: string;
}

/**
 * Every lexicon phrase with its words. The phrases are written in lower case, words split by single spaces
 * (farm-products.test.ts checks it): splitting them gives what `words` would, without a regular expression for each.
 */
export function lexiconTerms(): Term[] {
  const list: Term[] = [];
  const add = (phrases: string, kind: Kind) => phrases.split('|').forEach((phrase) => list.push({ phrase, kind, words: phrase.split(' ') }));
  Object.entries(PRODUCE).forEach(([code, phrases]) => add(phrases, code));
  add(NON_FARM, 'non-farm');
  add(MASK, 'mask');
  return list;
}

type Index = Map<string, Term[]>;
// Built on first use, each only when needed: the unmarked index folds every term, and names written with
// diacritics that the marked index matches never need it (an order page's main-thread budget, bench/extension.ts).
let marked: Index | null = null;
let ascii: Index | null = null;

/** Terms by first word, longest phrase first. */
function index(list: Term[]): Index {
  const byFirst: Index = new Map();
  for (const t of list) {
    const same = byFirst.get(t.words[0]);
    if (same) same.push(t);
    else byFirst.set(t.words[0], [t]);
  }
  for (const same of byFirst.values()) same.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

const markedIndex = () => (marked ??= index(lexiconTerms()));

function asciiIndex(): Index {
  ascii ??= index(
    lexiconTerms()
      .map((t) => ({ ...t, words: t.words.map(foldVietnamese) }))
      .filter((t) => t.words.length > 1 || ASCII_SAFE.has(t.words[0])),
  );
  return ascii;
}

/** Every lexicon term in a text, longest first at each position, on whole words only. */
function scan(tokens: string[], index: Index): Term[] {
  const found: Term[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = index.get(tokens[i])?.find((t) => t.words.every((w, k) => tokens[i + k] === w));
    if (hit) {
      if (hit.kind !== 'mask') found.push(hit);
      i += hit.words.length;
    } else i++;
  }
  return found;
}

function findTerms(text: string): Term[] {
  const folded = () => words(foldVietnamese(text));
  if (!hasDiacritics(text)) return scan(folded(), asciiIndex());
  const found = scan(words(text.normalize('NFC').toLowerCase()), markedIndex());
  // A name mixing marked and unmarked words ("Hoi kho Văn Quan"): the unmarked ones still count.
  return found.length ? found : scan(folded(), asciiIndex());
}

export type FarmReason = 'category' | 'lexicon' | 'non-farm-category' | 'non-farm-word' | 'no-match';

export interface FarmDecision {
  isFarmProduct: boolean;
  /** A key of farmCategories, or null. */
  category: string | null;
  /** The word or phrase that decided, as written in the lexicon. */
  matched: string | null;
  reason: FarmReason;
}

export interface FarmEvidence {
  name?: string | null;
  /** Breadcrumb, "Danh mục" and structured-data category names, most general first. */
  categories?: (string | null | undefined)[];
}

/** Decides from categories first (a shop's own breadcrumb is the strongest hint), then from the name. */
export function isFarmProduct(evidence: FarmEvidence | string): FarmDecision {
  const { name, categories = [] } = typeof evidence === 'string' ? { name: evidence } : evidence;
  const inName = name ? findTerms(name) : [];
  const produceInName = inName.find((t) => t.kind !== 'non-farm');
  for (const category of [...categories].reverse()) {
    if (!category) continue;
    const found = findTerms(category);
    const nonFarm = found.find((t) => t.kind === 'non-farm');
    if (nonFarm) return { isFarmProduct: false, category: null, matched: nonFarm.phrase, reason: 'non-farm-category' };
    const produce = found.find((t) => t.kind !== 'non-farm');
    if (produce) {
      // A name's specific produce ("hồi") says more than a broad category ("Đặc sản").
      const category = produce.kind === 'nong_san' && produceInName ? produceInName.kind : produce.kind;
      return { isFarmProduct: true, category, matched: produce.phrase, reason: 'category' };
    }
  }
  const nonFarm = inName.find((t) => t.kind === 'non-farm');
  if (nonFarm) return { isFarmProduct: false, category: null, matched: nonFarm.phrase, reason: 'non-farm-word' };
  if (produceInName) return { isFarmProduct: true, category: produceInName.kind, matched: produceInName.phrase, reason: 'lexicon' };
  return { isFarmProduct: false, category: null, matched: null, reason: 'no-match' };
}
