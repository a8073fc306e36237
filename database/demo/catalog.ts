/**
 * The demo store's categories and sellers, in Korean with English
 * translations; their products are in products.ts.
 */

export const DEMO_PASSWORD = 'jangteo-demo'

export const DEMO_CATEGORIES = [
  {
    slug: 'fashion',
    name: '패션',
    nameEn: 'Fashion',
    children: [
      { slug: 'womens-clothing', name: '여성의류', nameEn: "Women's clothing" },
      { slug: 'mens-clothing', name: '남성의류', nameEn: "Men's clothing" },
      { slug: 'shoes', name: '신발', nameEn: 'Shoes' },
    ],
  },
  {
    slug: 'living',
    name: '리빙',
    nameEn: 'Home & living',
    children: [
      { slug: 'kitchen', name: '주방', nameEn: 'Kitchen' },
      { slug: 'interior', name: '인테리어', nameEn: 'Interior' },
    ],
  },
  {
    slug: 'food',
    name: '식품',
    nameEn: 'Food',
    children: [
      { slug: 'fruit', name: '과일', nameEn: 'Fruit' },
      { slug: 'snacks', name: '간식', nameEn: 'Snacks' },
    ],
  },
  {
    slug: 'digital',
    name: '디지털',
    nameEn: 'Digital',
    children: [
      { slug: 'audio', name: '음향기기', nameEn: 'Audio' },
      { slug: 'accessories', name: '액세서리', nameEn: 'Accessories' },
    ],
  },
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
  {
    key: 'hanbit',
    ownerEmail: 'seller@example.com',
    ownerName: '김한빛',
    name: '한빛공방',
    businessNumber: '2208162517',
    representative: '김한빛',
    description: '손으로 만든 생활 도자기와 리빙 소품을 만듭니다.',
    approved: true,
  },
  {
    key: 'jeju',
    ownerEmail: 'jeju-farm@example.com',
    ownerName: '고은결',
    name: '제주 햇살농장',
    businessNumber: '1234567891',
    representative: '고은결',
    description: '제주에서 직접 기른 감귤과 제철 과일을 산지에서 바로 보내드립니다.',
    approved: true,
  },
  {
    key: 'seoul',
    ownerEmail: 'seoul-audio@example.com',
    ownerName: '박서울',
    name: '서울사운드',
    businessNumber: '2118700014',
    representative: '박서울',
    description: 'Audio gear and accessories, tested in our Seoul studio.',
    approved: true,
  },
  {
    key: 'mono',
    ownerEmail: 'mono-studio@example.com',
    ownerName: '이모노',
    name: '모노 스튜디오',
    businessNumber: '1058754122',
    representative: '이모노',
    description: '미니멀한 데일리 웨어를 만드는 브랜드입니다.',
    approved: true,
  },
  {
    key: 'applicant',
    ownerEmail: 'applicant@example.com',
    ownerName: '최신청',
    name: '새봄상점',
    businessNumber: '2148633778',
    representative: '최신청',
    description: '입점을 준비 중인 수제 간식 가게입니다.',
    approved: false,
  },
]
