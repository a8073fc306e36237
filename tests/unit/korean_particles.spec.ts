import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { endingOf, resolveParticles, withParticle } from '#formatting/korean_particles'

test.group('Korean particles | chosen by the final sound', () => {
  test('{word} takes {expected}')
    .with([
      // Hangul by its final consonant; ㄹ takes 로.
      { word: '이메일', pair: '을(를)', expected: '이메일을' },
      { word: '테스트 카드', pair: '을(를)', expected: '테스트 카드를' },
      { word: '상태', pair: '이(가)', expected: '상태가' },
      { word: '행위자 역할', pair: '이(가)', expected: '행위자 역할이' },
      { word: '비밀번호', pair: '은(는)', expected: '비밀번호는' },
      { word: '사유', pair: '은(는)', expected: '사유는' },
      { word: '종료일', pair: '은(는)', expected: '종료일은' },
      { word: '판매가', pair: '와(과)', expected: '판매가와' },
      { word: '정가', pair: '과(와)', expected: '정가와' },
      { word: '배송비', pair: '와(과)', expected: '배송비와' },
      { word: '수량', pair: '와(과)', expected: '수량과' },
      { word: '서울', pair: '(으)로', expected: '서울로' },
      { word: '부산', pair: '(으)로', expected: '부산으로' },
      { word: '제주', pair: '(으)로', expected: '제주로' },
      // A parenthesis adds to the word before it; a quotation is read itself.
      { word: '노지 감귤(로얄과)', pair: '을(를)', expected: '노지 감귤(로얄과)을' },
      { word: '환불 #2 (₩2,000)', pair: '을(를)', expected: '환불 #2 (₩2,000)를' },
      { word: '"판매 중"', pair: '(으)로', expected: '"판매 중"으로' },
      // Numbers by the last unit read: 일 칠 팔 in ㄹ, 십 백 천 만 in a consonant.
      { word: '1', pair: '(으)로', expected: '1로' },
      { word: '3', pair: '(으)로', expected: '3으로' },
      { word: '2', pair: '을(를)', expected: '2를' },
      { word: '1080', pair: '(으)로', expected: '1080으로' },
      { word: '2,000', pair: '을(를)', expected: '2,000을' },
      { word: '1.5', pair: '이(가)', expected: '1.5가' },
      { word: '1.0', pair: '이(가)', expected: '1.0이' },
      // Amounts by their currency: ₩ 원, $ 달러.
      { word: '₩5,000', pair: '을(를)', expected: '₩5,000을' },
      { word: '(₩2,000)', pair: '은(는)', expected: '(₩2,000)은' },
      { word: '(Seoul)', pair: '(으)로', expected: '(Seoul)로' },
      { word: '$30.98', pair: '을(를)', expected: '$30.98를' },
      { word: 'US$12', pair: '이(가)', expected: 'US$12가' },
      // Latin: abbreviations by letter names, units and words by how they are said.
      { word: 'SKU', pair: '이(가)', expected: 'SKU가' },
      { word: 'URL', pair: '(으)로', expected: 'URL로' },
      { word: 'KR', pair: '은(는)', expected: 'KR은' },
      { word: 'JT2611-8K3QX7A', pair: '을(를)', expected: 'JT2611-8K3QX7A를' },
      { word: 'JT2611-8K3QX7M', pair: '을(를)', expected: 'JT2611-8K3QX7M을' },
      { word: '2000 g', pair: '을(를)', expected: '2000 g을' },
      { word: 'email', pair: '이(가)', expected: 'email이' },
      { word: 'PayPal', pair: '(으)로', expected: 'PayPal로' },
      { word: 'Stripe', pair: '(으)로', expected: 'Stripe로' },
      { word: 'iPhone', pair: '을(를)', expected: 'iPhone을' },
      { word: 'Facebook', pair: '이(가)', expected: 'Facebook이' },
    ])
    .run(({ assert }, { word, pair, expected }) => {
      assert.equal(withParticle(word, pair), expected)
      assert.equal(resolveParticles(`${word}${pair} 확인`), `${expected} 확인`)
    })

  test('reads a word it cannot sound out as ending in a consonant', ({ assert }) => {
    assert.equal(endingOf('漢字'), 'consonant')
    assert.equal(endingOf(''), 'consonant')
  })

  test('resolves every pair of a sentence by its own word', ({ assert }) => {
    assert.equal(
      resolveParticles('종료일은(는) 시작일 이후여야 하고, 사유을(를) 3자 이상으로 입력하세요'),
      '종료일은 시작일 이후여야 하고, 사유를 3자 이상으로 입력하세요'
    )
  })

  test('is applied to every Korean message, and to no English one', async ({ assert }) => {
    await i18nManager.loadTranslations()
    const ko = i18nManager.locale('ko')
    const en = i18nManager.locale('en')

    assert.equal(
      ko.formatRawMessage('{field}을(를) 입력하세요', { field: '이메일' }),
      '이메일을 입력하세요'
    )
    assert.equal(
      ko.formatRawMessage('{field}을(를) 입력하세요', { field: '카드' }),
      '카드를 입력하세요'
    )
    assert.equal(
      en.formatRawMessage('Enter {field}을(를)', { field: 'email' }),
      'Enter email을(를)'
    )
  })
})
