import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import User from '#models/user'
import type Category from '#models/category'
import { UserRole } from '#models/user_role'
import { SYSTEM_ACTOR } from '#audit/actor'
import SellerService from '#services/seller_service'
import ProductService, { type VariantInput } from '#services/catalog/product_service'
import CategoryService from '#services/catalog/category_service'
import { seedDemoShipping } from '#database/demo/shipping'
import { DEMO_CATEGORIES, DEMO_PASSWORD, DEMO_SELLERS } from '#database/demo/catalog'
import { DEMO_PRODUCTS, type DemoProduct } from '#database/demo/products'
import { demoPhotos, demoVideo } from '#database/demo/media'
import MediaService from '#services/media_service'
import type Product from '#models/product'

/** Every combination of the option axes, e.g. 사이즈 × 색상. */
function combinations(axes: Record<string, string[]>): Record<string, string>[] {
  return Object.entries(axes).reduce<Record<string, string>[]>(
    (rows, [name, values]) =>
      rows.flatMap((row) => values.map((value) => ({ ...row, [name]: value }))),
    [{}]
  )
}

/** Deterministic stock so the demo shows plenty, a few and sold-out variants. */
function stockFor(index: number, position: number) {
  const value = (index * 7 + position * 13) % 23
  return value === 0 ? 0 : value < 3 ? value : value * 3
}

function variantsOf(product: DemoProduct, index: number): VariantInput[] {
  return combinations(product.axes).map((options, position) => ({
    sku: `${product.sku}-${String(position + 1).padStart(2, '0')}`,
    price: product.price + (position % 3) * (product.price >= 100000 ? 10000 : 1000),
    compareAtPrice: product.compareAt,
    stock: stockFor(index, position),
    weightGrams: product.weightGrams,
    options,
  }))
}

/**
 * The demo store: an admin, a customer, four approved sellers with 30+
 * products in review-approved state, and one pending applicant. It runs only
 * in development and only on an empty store, so running it twice changes
 * nothing. Everything goes through the services, so the audit log shows how
 * the store came to be.
 */
export default class DemoSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    if (await User.findBy('email', 'admin@example.com')) return

    const sellers = await app.container.make(SellerService)
    const products = await app.container.make(ProductService)
    const categoryService = await app.container.make(CategoryService)
    const media = await app.container.make(MediaService)
    const mediaDir = await mkdtemp(join(tmpdir(), 'jangteo-demo-media-'))

    await User.createMany([
      {
        email: 'admin@example.com',
        password: DEMO_PASSWORD,
        fullName: '관리자',
        role: UserRole.Admin,
      },
      {
        email: 'staff@example.com',
        password: DEMO_PASSWORD,
        fullName: '운영팀',
        role: UserRole.Staff,
      },
      {
        email: 'customer@example.com',
        password: DEMO_PASSWORD,
        fullName: '이고객',
        role: UserRole.Customer,
      },
    ])

    const categories = new Map<string, Category>()
    for (const [position, root] of DEMO_CATEGORIES.entries()) {
      const parent = await categoryService.create({ ...root, position }, SYSTEM_ACTOR)
      categories.set(root.slug, parent)
      for (const [childPosition, child] of root.children.entries()) {
        const created = await categoryService.create(
          { ...child, parentId: parent.id, position: childPosition },
          SYSTEM_ACTOR
        )
        categories.set(child.slug, created)
      }
    }

    const sellersByKey = new Map<string, Awaited<ReturnType<SellerService['apply']>>>()
    for (const demo of DEMO_SELLERS) {
      const owner = await User.create({
        email: demo.ownerEmail,
        password: DEMO_PASSWORD,
        fullName: demo.ownerName,
        role: UserRole.Customer,
      })
      const seller = await sellers.apply(
        owner,
        {
          name: demo.name,
          businessNumber: demo.businessNumber,
          representative: demo.representative,
          contactEmail: demo.ownerEmail,
          contactPhone: '010-1234-5678',
          description: demo.description,
          bankName: '국민은행',
          bankAccountHolder: demo.representative,
          bankAccountNumber: '123456-01-234567',
        },
        SYSTEM_ACTOR
      )
      if (demo.approved) await sellers.approve(seller, SYSTEM_ACTOR)
      sellersByKey.set(demo.key, seller)
    }
    await seedDemoShipping(sellersByKey)

    for (const [index, demo] of DEMO_PRODUCTS.entries()) {
      const product = await products.create(
        sellersByKey.get(demo.seller)!,
        {
          title: demo.title,
          titleEn: demo.titleEn,
          description: demo.description,
          descriptionEn: demo.descriptionEn,
          categoryId: categories.get(demo.category)!.id,
          variants: variantsOf(demo, index),
        },
        SYSTEM_ACTOR
      )
      // The gallery first, so the version published (what a later review compares to) includes it.
      await this.#attachMedia(media, product, demo, index, mediaDir)
      await products.submit(product, SYSTEM_ACTOR)
      await products.publish(product, SYSTEM_ACTOR)
      if (demo.featured) {
        product.isFeatured = true
        await product.save()
      }
    }
    await rm(mediaDir, { recursive: true, force: true })
  }

  /**
   * Featured products get two photos, the others one; the first product also
   * gets a video. The embedded worker processes them once the store is up.
   */
  async #attachMedia(
    media: MediaService,
    product: Product,
    demo: DemoProduct,
    index: number,
    directory: string
  ) {
    const photos = await demoPhotos(directory, demo.sku, demo.seller, demo.featured ? 2 : 1)
    const files = index === 0 ? [...photos, await demoVideo(directory, photos[0])] : photos
    for (const path of files) {
      const { size } = await stat(path)
      await media.upload(
        product,
        { path, size, clientName: basename(path), alt: demo.title },
        SYSTEM_ACTOR
      )
    }
  }
}
