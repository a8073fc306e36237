import env from '#start/env'
import { defineConfig, services } from '@adonisjs/drive'
import type { DriverFactory, ServiceConfigProvider } from '@adonisjs/drive/types'
import { dataPath } from '#config/data'

const disk = env.get('DRIVE_DISK', 'fs')
/** Media on the local disk: DATA_DIR/media, or MEDIA_STORAGE_PATH when set. */
const root = dataPath('media', env.get('MEDIA_STORAGE_PATH'))

/** Where the local disk keeps public renditions (DRIVE_DISK=fs). */
export const localMediaRoot = `${root}/public`

/**
 * An S3-compatible bucket. No ACLs are sent (AWS buckets refuse them by
 * default): renditions are public through the bucket's policy or a CDN in
 * front of it (S3_PUBLIC_URL), originals sit in their own private bucket.
 * Checksums go only where S3 requires them, so streamed uploads are sent
 * plainly instead of aws-chunked, which S3-compatible servers may not decode.
 */
function s3(bucket: string) {
  return services.s3({
    credentials: {
      accessKeyId: env.get('S3_ACCESS_KEY_ID', ''),
      secretAccessKey: env.get('S3_SECRET_ACCESS_KEY')?.release() ?? '',
    },
    region: env.get('S3_REGION', 'us-east-1'),
    bucket,
    endpoint: env.get('S3_ENDPOINT'),
    forcePathStyle: env.get('S3_FORCE_PATH_STYLE', false),
    cdnUrl: env.get('S3_PUBLIC_URL'),
    visibility: bucket === env.get('S3_PRIVATE_BUCKET') ? 'private' : 'public',
    supportsACL: false,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

/** The S3 settings DRIVE_DISK=s3 cannot run without, checked at boot. */
function s3Buckets() {
  const missing = ['S3_BUCKET', 'S3_PRIVATE_BUCKET', 'S3_PUBLIC_URL'].filter(
    (key) => !env.get(key as 'S3_BUCKET')
  )
  if (missing.length) {
    throw new Error(`DRIVE_DISK=s3 needs ${missing.join(', ')} (see README, Product media)`)
  }
  const [renditions, originals] = [env.get('S3_BUCKET')!, env.get('S3_PRIVATE_BUCKET')!]
  if (renditions === originals) {
    throw new Error(
      'S3_PRIVATE_BUCKET must differ from S3_BUCKET: originals keep GPS data and are never public'
    )
  }
  return { renditions, originals }
}

/**
 * Media files. Each disk comes as a pair: renditions are public (served
 * from /media locally, or the bucket's public URL), originals are private
 * (they keep the uploader's EXIF, GPS included) and are never served.
 * DRIVE_DISK=s3 moves both to S3-compatible buckets; the local pair stays
 * defined, so `node ace media:migrate --to=s3` can copy what it holds.
 */
const disks: Record<string, ServiceConfigProvider<DriverFactory>> = {
  // Served by MediaFilesMiddleware at /media, with range requests and
  // immutable caching (rendition keys are content-addressed).
  fs: services.fs({ location: localMediaRoot, visibility: 'public' }),
  fs_private: services.fs({ location: `${root}/private`, visibility: 'private' }),
}
if (disk === 's3' || env.get('S3_BUCKET')) {
  const buckets = s3Buckets()
  disks.s3 = s3(buckets.renditions)
  disks.s3_private = s3(buckets.originals)
}

const driveConfig = defineConfig({ default: disk, services: disks })

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends Record<string, any> {}
}
