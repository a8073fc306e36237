import { open } from 'node:fs/promises'
import type { SniffedType } from '#media/types'

/** Bytes read from the start of a file to recognise it. */
export const SNIFF_BYTES = 4100

const ISO_VIDEO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VP',
  'dash',
  'mmp4',
  'MSNV',
  'XAVC',
  'f4v ',
])
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'])

function ascii(bytes: Buffer, start: number, end: number) {
  return bytes.toString('latin1', start, end)
}

const type = (kind: SniffedType['kind'], format: string, mimeType: string, extension = format) =>
  ({ kind, format, mimeType, extension }) satisfies SniffedType

/** ISO base media files (AVIF, MP4, MOV) start with an `ftyp` box listing brands. */
function sniffIsoMedia(bytes: Buffer): SniffedType | null {
  if (bytes.length < 12) return null
  const boxType = ascii(bytes, 4, 8)
  if (boxType !== 'ftyp') {
    return QUICKTIME_ATOMS.has(boxType) ? type('video', 'mov', 'video/quicktime') : null
  }
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length)
  const brands = [ascii(bytes, 8, 12)]
  for (let offset = 16; offset + 4 <= boxSize; offset += 4)
    brands.push(ascii(bytes, offset, offset + 4))
  const major = brands[0]

  if (major === 'avif' || major === 'avis' || (major === 'mif1' && brands.includes('avif'))) {
    return type('image', 'avif', 'image/avif')
  }
  if (major === 'qt  ') return type('video', 'mov', 'video/quicktime')
  if (ISO_VIDEO_BRANDS.has(major) || brands.some((brand) => ISO_VIDEO_BRANDS.has(brand))) {
    return type('video', 'mp4', 'video/mp4')
  }
  return null
}

/**
 * Recognises an upload from its first bytes only: the file name and the
 * client's Content-Type are never trusted. Returns null for anything that is
 * not one of the accepted image or video containers (HTML, playlists, HEIC…).
 */
export function sniff(bytes: Buffer): SniffedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return type('image', 'jpeg', 'image/jpeg', 'jpg')
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) {
    return type('image', 'png', 'image/png')
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) {
    return type('image', 'gif', 'image/gif')
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return type('image', 'webp', 'image/webp')
  }
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) {
    // EBML: Matroska and WebM share it; only the WebM doctype is accepted.
    return ascii(bytes, 4, Math.min(bytes.length, 64)).includes('webm')
      ? type('video', 'webm', 'video/webm')
      : null
  }
  return sniffIsoMedia(bytes)
}

/** Reads the first bytes of a file and recognises it. */
export async function sniffFile(path: string): Promise<SniffedType | null> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    return sniff(buffer.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}
