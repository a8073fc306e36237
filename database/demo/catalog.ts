/**
 * The demo store's content: categories, sellers and products, in Korean with
 * English translations. Prices are KRW (no minor units).
 */

export const DEMO_PASSWORD = 'jangteo-demo'

export const DEMO_CATEGORIES = [
  { slug: 'fashion', name: '패션', nameEn: 'Fashion', children: [
    { slug: 'womens-clothing', name: '여성의류', nameEn: "Women's clothing" },
    { slug: 'mens-clothing', name: '남성의류', nameEn: "Men's clothing" },
    { slug: 'shoes', name: '신발', nameEn: 'Shoes' },
  ] },
  { slug: 'living', name: '리빙', nameEn: 'Home & living', children: [
    { slug: 'kitchen', name: '주방', nameEn: 'Kitchen' },
    { slug: 'interior', name: '인테리어', nameEn: 'Interior' },
  ] },
  { slug: 'food', name: '식품', nameEn: 'Food', children: [
    { slug: 'fruit', name: '과일', nameEn: 'Fruit' },
    { slug: 'snacks', name: '간식', nameEn: 'Snacks' },
  ] },
  { slug: 'digital', name: '디지털', nameEn: 'Digital', children: [
    { slug: 'audio', name: '음향기기', nameEn: 'Audio' },
    { slug: 'accessories', name: '액세서리', nameEn: 'Accessories' },
  ] },
  { slug: 'beauty', name: '뷰티', nameEn: 'Beauty', children: [] },
]

export interface DemoSeller {
  key: string
  ownerEmail: string
  ownerName: string
  name: string
  businessNumber: string
  representative: string
  description: string
  approved: boolean
}

export const DEMO_SELLERS: DemoSeller[] = [
  { key: 'hanbit', ownerEmail: 'seller@example.com', ownerName: '김한빛', name: '한빛공방', businessNumber: '2208162517', representative: '김한빛', description: '손으로 만든 생활 도자기와 리빙 소품을 만듭니다.', approved: true },
  { key: 'jeju', ownerEmail: 'jeju-farm@example.com', ownerName: '고은결', name: '제주 햇살농장', businessNumber: '1234567891', representative: '고은결', description: '제주에서 직접 기른 감귤과 제철 과일을 산지에서 바로 보내드립니다.', approved: true },
  { key: 'seoul', ownerEmail: 'seoul-audio@example.com', ownerName: '박서울', name: '서울사운드', businessNumber: '2118700014', representative: '박서울', description: 'Audio gear and accessories, tested in our Seoul studio.', approved: true },
  { key: 'mono', ownerEmail: 'mono-studio@example.com', ownerName: '이모노', name: '모노 스튜디오', businessNumber: '1058754122', representative: '이모노', description: '미니멀한 데일리 웨어를 만드는 브랜드입니다.', approved: true },
  { key: 'applicant', ownerEmail: 'applicant@example.com', ownerName: '최신청', name: '새봄상점', businessNumber: '2148633778', representative: '최신청', description: '입점을 준비 중인 수제 간식 가게입니다.', approved: false },
]

/** Option axes of a product; every combination becomes a variant. */
type Axes = Record<string, string[]>

export interface DemoProduct {
  seller: string
  category: string
  sku: string
  title: string
  titleEn: string
  description: string
  descriptionEn: string
  price: number
  compareAt?: number
  weightGrams: number
  axes: Axes
  featured?: boolean
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  { seller: 'hanbit', category: 'kitchen', sku: 'HB-MUG', title: '손잡이 머그컵', titleEn: 'Handmade mug', description: '물레로 빚어 1250도에서 구운 머그컵입니다.\n전자레인지와 식기세척기에 사용할 수 있습니다.', descriptionEn: 'Wheel-thrown and fired at 1250°C.\nMicrowave and dishwasher safe.', price: 28000, weightGrams: 380, axes: { '색상': ['백자', '청자', '흑유'] }, featured: true },
  { seller: 'hanbit', category: 'kitchen', sku: 'HB-BOWL', title: '밥공기 세트', titleEn: 'Rice bowl set', description: '매일 쓰기 좋은 크기의 밥공기 두 개 세트입니다.', descriptionEn: 'A pair of everyday rice bowls.', price: 36000, compareAt: 42000, weightGrams: 600, axes: { '색상': ['백자', '분청'] } },
  { seller: 'hanbit', category: 'kitchen', sku: 'HB-PLATE', title: '원형 접시', titleEn: 'Round plate', description: '파스타와 샐러드에 어울리는 넓은 접시.', descriptionEn: 'A wide plate for pasta and salad.', price: 32000, weightGrams: 700, axes: { '크기': ['21cm', '26cm'] } },
  { seller: 'hanbit', category: 'interior', sku: 'HB-VASE', title: '달항아리 화병', titleEn: 'Moon jar vase', description: '조선 달항아리를 작게 옮긴 화병입니다.', descriptionEn: 'A small vase after the Joseon moon jar.', price: 89000, weightGrams: 1200, axes: { '크기': ['소', '중'] }, featured: true },
  { seller: 'hanbit', category: 'interior', sku: 'HB-INCENSE', title: '도자기 인센스 홀더', titleEn: 'Ceramic incense holder', description: '향 하나를 꽂아 두는 작은 받침.', descriptionEn: 'A small stand for a single stick of incense.', price: 15000, weightGrams: 150, axes: {} },
  { seller: 'hanbit', category: 'kitchen', sku: 'HB-TEAPOT', title: '다관 찻주전자', titleEn: 'Teapot', description: '녹차와 홍차를 우리기 좋은 400ml 다관.', descriptionEn: 'A 400 ml pot for green and black tea.', price: 65000, weightGrams: 520, axes: { '색상': ['백자', '흑유'] } },
  { seller: 'hanbit', category: 'interior', sku: 'HB-COASTER', title: '코스터 4종 세트', titleEn: 'Coaster set of four', description: '유약 색이 다른 네 장의 코스터.', descriptionEn: 'Four coasters in four glazes.', price: 24000, weightGrams: 400, axes: {} },
  { seller: 'hanbit', category: 'kitchen', sku: 'HB-CHOP', title: '수저받침', titleEn: 'Chopstick rest', description: '식탁을 정갈하게 하는 수저받침 두 개.', descriptionEn: 'Two chopstick rests for a tidy table.', price: 9000, weightGrams: 80, axes: { '모양': ['물고기', '구름'] } },

  { seller: 'jeju', category: 'fruit', sku: 'JJ-TANGERINE', title: '제주 노지 감귤', titleEn: 'Jeju open-field tangerines', description: '햇살을 받고 자란 노지 감귤. 수확 당일 발송합니다.', descriptionEn: 'Grown outdoors in the sun and shipped the day they are picked.', price: 19900, compareAt: 24900, weightGrams: 5000, axes: { '중량': ['3kg', '5kg', '10kg'] }, featured: true },
  { seller: 'jeju', category: 'fruit', sku: 'JJ-HALLABONG', title: '한라봉', titleEn: 'Hallabong oranges', description: '달고 향이 진한 제주 한라봉.', descriptionEn: 'Sweet, fragrant Jeju hallabong.', price: 34900, weightGrams: 3000, axes: { '중량': ['2kg', '3kg'] } },
  { seller: 'jeju', category: 'fruit', sku: 'JJ-CHEONHYE', title: '천혜향', titleEn: 'Cheonhyehyang mandarins', description: '천 리까지 향이 퍼진다는 천혜향.', descriptionEn: 'Said to scent the air for a thousand li.', price: 39900, weightGrams: 3000, axes: { '중량': ['2kg', '3kg'] } },
  { seller: 'jeju', category: 'fruit', sku: 'JJ-KIWI', title: '제주 골드키위', titleEn: 'Jeju gold kiwi', description: '새콤달콤한 골드키위.', descriptionEn: 'Sweet and tangy gold kiwifruit.', price: 25900, weightGrams: 2000, axes: { '중량': ['1kg', '2kg'] } },
  { seller: 'jeju', category: 'snacks', sku: 'JJ-CHIPS', title: '감귤 칩', titleEn: 'Tangerine chips', description: '감귤을 얇게 썰어 말린 간식.', descriptionEn: 'Thinly sliced, dried tangerines.', price: 8900, weightGrams: 100, axes: { '수량': ['1봉', '5봉'] } },
  { seller: 'jeju', category: 'snacks', sku: 'JJ-CHOCO', title: '한라봉 초콜릿', titleEn: 'Hallabong chocolate', description: '한라봉 과즙을 넣은 초콜릿.', descriptionEn: 'Chocolate with hallabong juice.', price: 12000, weightGrams: 200, axes: {} },
  { seller: 'jeju', category: 'snacks', sku: 'JJ-TEA', title: '감귤 껍질차', titleEn: 'Tangerine peel tea', description: '말린 감귤 껍질로 우린 차.', descriptionEn: 'Tea brewed from dried tangerine peel.', price: 15000, weightGrams: 150, axes: { '구성': ['티백 20개', '잎차 100g'] } },
  { seller: 'jeju', category: 'fruit', sku: 'JJ-GIFT', title: '제철 과일 선물세트', titleEn: 'Seasonal fruit gift box', description: '그 주에 가장 맛있는 제철 과일을 골라 담았습니다.', descriptionEn: 'The best fruit of the week, boxed as a gift.', price: 59000, weightGrams: 4000, axes: {} },

  { seller: 'seoul', category: 'audio', sku: 'SS-EARBUDS', title: '무선 이어폰 에어', titleEn: 'Air wireless earbuds', description: '노이즈 캔슬링과 30시간 재생을 지원합니다.', descriptionEn: 'Noise cancelling with 30 hours of playback.', price: 129000, compareAt: 159000, weightGrams: 60, axes: { '색상': ['블랙', '화이트'] }, featured: true },
  { seller: 'seoul', category: 'audio', sku: 'SS-HEADPHONE', title: '스튜디오 헤드폰', titleEn: 'Studio headphones', description: '믹싱과 모니터링을 위한 밀폐형 헤드폰.', descriptionEn: 'Closed-back headphones for mixing and monitoring.', price: 219000, weightGrams: 290, axes: {} },
  { seller: 'seoul', category: 'audio', sku: 'SS-SPEAKER', title: '블루투스 스피커 미니', titleEn: 'Mini Bluetooth speaker', description: '손바닥만 한 크기의 방수 스피커.', descriptionEn: 'A palm-sized waterproof speaker.', price: 59000, weightGrams: 250, axes: { '색상': ['블랙', '세이지', '코랄'] } },
  { seller: 'seoul', category: 'audio', sku: 'SS-TURNTABLE', title: '턴테이블', titleEn: 'Turntable', description: '벨트 드라이브 방식의 입문용 턴테이블.', descriptionEn: 'A belt-drive turntable for beginners.', price: 329000, weightGrams: 5200, axes: {} },
  { seller: 'seoul', category: 'accessories', sku: 'SS-CABLE', title: 'USB-C 케이블', titleEn: 'USB-C cable', description: '240W 고속 충전을 지원하는 브레이드 케이블.', descriptionEn: 'A braided cable rated for 240 W charging.', price: 15900, weightGrams: 60, axes: { '길이': ['1m', '2m'] } },
  { seller: 'seoul', category: 'accessories', sku: 'SS-CASE', title: '이어폰 실리콘 케이스', titleEn: 'Silicone earbud case', description: '긁힘을 막아 주는 실리콘 케이스.', descriptionEn: 'A silicone case against scratches.', price: 9900, weightGrams: 30, axes: { '색상': ['블랙', '화이트', '라벤더'] } },
  { seller: 'seoul', category: 'accessories', sku: 'SS-STAND', title: '알루미늄 헤드폰 스탠드', titleEn: 'Aluminium headphone stand', description: '책상 위를 정리해 주는 스탠드.', descriptionEn: 'A stand to tidy up your desk.', price: 39000, weightGrams: 450, axes: { '색상': ['실버', '스페이스 그레이'] } },
  { seller: 'seoul', category: 'accessories', sku: 'SS-CHARGER', title: '65W 충전기', titleEn: '65 W charger', description: '노트북과 휴대폰을 함께 충전하는 GaN 충전기.', descriptionEn: 'A GaN charger for laptop and phone at once.', price: 45000, weightGrams: 120, axes: {} },

  { seller: 'mono', category: 'womens-clothing', sku: 'MN-SHIRT', title: '오버핏 옥스퍼드 셔츠', titleEn: 'Oversized Oxford shirt', description: '코튼 100% 옥스퍼드 원단 셔츠.', descriptionEn: 'A 100% cotton Oxford shirt.', price: 59000, weightGrams: 350, axes: { '사이즈': ['S', 'M', 'L'], '색상': ['화이트', '블루'] }, featured: true },
  { seller: 'mono', category: 'womens-clothing', sku: 'MN-KNIT', title: '울 라운드 니트', titleEn: 'Wool crew-neck knit', description: '메리노 울로 짠 가벼운 니트.', descriptionEn: 'A light knit in merino wool.', price: 79000, compareAt: 99000, weightGrams: 400, axes: { '사이즈': ['S', 'M', 'L'], '색상': ['오트밀', '차콜'] } },
  { seller: 'mono', category: 'mens-clothing', sku: 'MN-TEE', title: '헤비웨이트 티셔츠', titleEn: 'Heavyweight T-shirt', description: '250g 두꺼운 면으로 만든 티셔츠.', descriptionEn: 'A T-shirt in 250 g cotton.', price: 29000, weightGrams: 280, axes: { '사이즈': ['M', 'L', 'XL'], '색상': ['블랙', '화이트', '그레이'] } },
  { seller: 'mono', category: 'mens-clothing', sku: 'MN-CHINO', title: '와이드 치노 팬츠', titleEn: 'Wide chino trousers', description: '편안한 와이드 핏 치노.', descriptionEn: 'Comfortable wide-fit chinos.', price: 69000, weightGrams: 600, axes: { '사이즈': ['30', '32', '34'], '색상': ['베이지', '네이비'] } },
  { seller: 'mono', category: 'mens-clothing', sku: 'MN-COAT', title: '싱글 울 코트', titleEn: 'Single-breasted wool coat', description: '울 80% 원단의 클래식 코트.', descriptionEn: 'A classic coat in 80% wool.', price: 249000, weightGrams: 1500, axes: { '사이즈': ['M', 'L'] } },
  { seller: 'mono', category: 'shoes', sku: 'MN-SNEAKER', title: '캔버스 스니커즈', titleEn: 'Canvas sneakers', description: '어디에나 어울리는 캔버스 스니커즈.', descriptionEn: 'Canvas sneakers that go with everything.', price: 65000, weightGrams: 800, axes: { '사이즈': ['240', '250', '260', '270'] } },
  { seller: 'mono', category: 'shoes', sku: 'MN-LOAFER', title: '레더 로퍼', titleEn: 'Leather loafers', description: '소가죽으로 만든 페니 로퍼.', descriptionEn: 'Penny loafers in calf leather.', price: 139000, weightGrams: 900, axes: { '사이즈': ['250', '260', '270'] } },
  { seller: 'mono', category: 'womens-clothing', sku: 'MN-SKIRT', title: '플리츠 롱스커트', titleEn: 'Pleated long skirt', description: '찰랑이는 플리츠 롱스커트.', descriptionEn: 'A flowing pleated long skirt.', price: 55000, weightGrams: 350, axes: { '사이즈': ['S', 'M'], '색상': ['블랙', '카키'] } },
  { seller: 'mono', category: 'beauty', sku: 'MN-BALM', title: '시어버터 핸드밤', titleEn: 'Shea butter hand balm', description: '향이 은은한 보습 핸드밤.', descriptionEn: 'A gently scented moisturising balm.', price: 18000, weightGrams: 80, axes: { '향': ['무향', '라벤더'] } },
  { seller: 'hanbit', category: 'beauty', sku: 'HB-SOAP', title: '쌀뜨물 비누', titleEn: 'Rice water soap', description: '쌀뜨물로 만든 순한 세안 비누.', descriptionEn: 'A mild soap made with rice water.', price: 12000, weightGrams: 120, axes: {} },
]
