/**
 * Korean particles whose form depends on how the word before them ends:
 * 을/를, 이/가, 은/는, 과/와 and 으로/로. Messages write the pair the way a
 * translator does ("{field}을(를) 입력하세요"); once the values are filled in,
 * resolveParticles keeps the one form that fits the word ("이메일을 입력하세요").
 */

/** How a word ends when read aloud in Korean. */
type Ending = 'vowel' | 'rieul' | 'consonant'

/** Each written pair, with its form after a consonant and after a vowel (or ㄹ, for 로). */
const PAIRS: Record<string, { consonant: string; vowel: string; rieul: string }> = {
  '을(를)': { consonant: '을', vowel: '를', rieul: '을' },
  '를(을)': { consonant: '을', vowel: '를', rieul: '을' },
  '이(가)': { consonant: '이', vowel: '가', rieul: '이' },
  '가(이)': { consonant: '이', vowel: '가', rieul: '이' },
  '은(는)': { consonant: '은', vowel: '는', rieul: '은' },
  '는(은)': { consonant: '은', vowel: '는', rieul: '은' },
  '과(와)': { consonant: '과', vowel: '와', rieul: '과' },
  '와(과)': { consonant: '과', vowel: '와', rieul: '과' },
  '(으)로': { consonant: '으로', vowel: '로', rieul: '로' },
}

/** Every written pair, as the fallback notation a page must never show. */
export const PARTICLE_PAIRS = Object.keys(PAIRS)

const PAIR_PATTERN = new RegExp(
  PARTICLE_PAIRS.map((pair) => pair.replace(/[()]/g, '\\$&')).join('|'),
  'g'
)

/** Closing marks read past to reach the quoted word: `"SKU"를`, `「판매 중」으로`. */
const CLOSERS = /[)\]}"'”’」』>»]+$/

/** Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGITS: Ending[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
]

/** Latin letters as their Korean names end: 엘, 알 in ㄹ; 엠, 엔 in a consonant. */
const LETTERS: Record<string, Ending> = { L: 'rieul', R: 'rieul', M: 'consonant', N: 'consonant' }

/** Currency signs before an amount, as the unit is read: ₩ 원, ¥ 엔, $ 달러, € 유로, £ 파운드. */
const CURRENCIES: Record<string, Ending> = {
  '₩': 'consonant',
  '¥': 'consonant',
  '$': 'vowel',
  '€': 'vowel',
  '£': 'vowel',
}

/**
 * Keeps, for every particle pair in `text`, the form that fits the word
 * right before it.
 */
export function resolveParticles(text: string): string {
  if (!text.includes('(')) return text
  return text.replace(PAIR_PATTERN, (pair, offset: number) =>
    particleAfter(text.slice(0, offset), pair)
  )
}

/** `word` followed by the form of `pair` that fits it: withParticle('카드', '을(를)') → 카드를. */
export function withParticle(word: string, pair: string): string {
  return word + particleAfter(word, pair)
}

function particleAfter(before: string, pair: string): string {
  const forms = PAIRS[pair]
  return forms[endingOf(before)]
}

/**
 * How the last word of `text` ends when read: a Hangul syllable by its final
 * consonant (받침); a number by the last unit read (10 십, 2,000 천, 5 오);
 * an amount by its currency (₩5,000 원); Latin by the letters' Korean names
 * for abbreviations (SKU, URL) or by English spelling for words (email,
 * PayPal). A parenthesis only adds to the word before it, which takes the
 * particle: 감귤(로얄과)을. Anything else reads as ending in a consonant.
 */
export function endingOf(text: string): Ending {
  let rest = text
  while (rest.endsWith(')')) {
    const open = rest.lastIndexOf('(')
    if (open < 0 || !rest.slice(0, open).trim()) break
    rest = rest.slice(0, open).trimEnd()
  }
  const word = (/\S+$/.exec(rest.replace(CLOSERS, ''))?.[0] ?? '').replace(CLOSERS, '')
  const last = word.at(-1)
  if (!last) return 'consonant'
  const code = last.charCodeAt(0)
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant'
  }
  const amount = /([₩¥$€£])[\d.,]*\d$/.exec(word)
  if (amount) return CURRENCIES[amount[1]]
  if (/\d$/.test(word)) return numberEnding(word)
  const latin = /[A-Za-z]+$/.exec(word)?.[0]
  if (latin) return latinEnding(latin)
  return 'consonant'
}

/** The last unit read aloud: 5 오, 10 십, 300 백, 2,000 천, 50,000 만, 100,000,000 억. */
function numberEnding(word: string): Ending {
  const digits = /[\d,]*(\.\d+)?$/.exec(word)![0]
  if (digits.includes('.')) return DIGITS[Number(digits.at(-1))]
  const integer = digits.replaceAll(',', '')
  const last = Number(integer.at(-1))
  if (last !== 0 || /^0+$/.test(integer)) return DIGITS[last]
  const zeros = integer.length - integer.replace(/0+$/, '').length
  // 십 백 천 만 억 end in a consonant; 조 (10¹²) in a vowel.
  return zeros >= 12 && zeros < 16 ? 'vowel' : 'consonant'
}

/** Abbreviations by their letters' names, units by their Korean names, words by spelling. */
function latinEnding(latin: string): Ending {
  if (/^(k|m)?g$/.test(latin)) return 'consonant' // 그램, 킬로그램
  if (latin.length === 1 || latin === latin.toUpperCase()) {
    return LETTERS[latin.at(-1)!.toUpperCase()] ?? 'vowel'
  }
  const word = latin.toLowerCase()
  if (/(l|le)$/.test(word)) return 'rieul' // email, PayPal, table
  if (/(m|n|ng|ne|me)$/.test(word)) return 'consonant' // form, plan, ring, phone, time
  if (/([aeiou](k|p|t)|ck)$/.test(word)) return 'consonant' // book, shop, chat, check
  return 'vowel' // card, test, Stripe, Kakao
}
