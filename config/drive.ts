import env from '#start/env'
import { defineConfig, services } from '@adonisjs/drive'
import type { DriverFactory, ServiceConfigProvider } from '@adonisjs/drive/types'
import { dataPath } from '#config/data'

const disk = env.get('DRIVE_DISK', 'fs')
/** Media on the local disk: DATA_DIR/media, or MEDIA_STORAGE_PATH when set. */
const root = dataPath('media', env.get('MEDIA_STORAGE_PATH'))

/** Where the local disk keeps public renditions (DRIVE_DISK=fs). */
export const localMediaRoot = `${root}/public`

function s3(visibility: 'public' | 'private') {
  if (!env.get('S3_BUCKET'))
    throw new Error('DRIVE_DISK=s3 needs S3_BUCKET (and the other S3_* variables)')
  return services.s3({
    credentials: {
      accessKeyId: env.get('S3_ACCESS_KEY_ID', ''),
      secretAccessKey: env.get('S3_SECRET_ACCESS_KEY')?.release() ?? '',
    },
    region: env.get('S3_REGION', 'us-east-1'),
    bucket: env.get('S3_BUCKET', ''),
    endpoint: env.get('S3_ENDPOINT'),
    forcePathStyle: env.get('S3_FORCE_PATH_STYLE', false),
    cdnUrl: env.get('S3_PUBLIC_URL'),
    visibility,
  })
}

/**
 * Media files. Each disk comes as a pair: renditions are public (served
 * from /media locally, or the bucket's public URL), originals are private
 * (they keep the uploader's EXIF, GPS included) and are never served.
 * DRIVE_DISK=s3 moves both to an S3-compatible bucket.
 */
const disks: Record<string, ServiceConfigProvider<DriverFactory>> = disk === 'fs'
  ? {
      // Served by MediaFilesMiddleware at /media, with range requests and
      // immutable caching (rendition keys are content-addressed).
      fs: services.fs({ location: localMediaRoot, visibility: 'public' }),
      fs_private: services.fs({ location: `${root}/private`, visibility: 'private' }),
    }
  : {
      s3: s3('public'),
      s3_private: s3('private'),
    }

const driveConfig = defineConfig({ default: disk, services: disks })

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends Record<string, any> {}
}
