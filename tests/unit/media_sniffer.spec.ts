import { test } from '@japa/runner'
import sharp from 'sharp'
import { sniff } from '#media/file_sniffer'
import { ladderFor } from '#media/image_processor'

const hex = (value: string) => Buffer.from(value.replaceAll(' ', ''), 'hex')
const ascii = (value: string) => Buffer.from(value, 'latin1')

test.group('Media | recognising files by their first bytes', () => {
  test('recognises {name}')
    .with([
      { name: 'JPEG', bytes: hex('ff d8 ff e0 00 10 4a 46'), format: 'jpeg', kind: 'image' },
      { name: 'PNG', bytes: hex('89 50 4e 47 0d 0a 1a 0a 00'), format: 'png', kind: 'image' },
      { name: 'GIF', bytes: ascii('GIF89a\x01\x00'), format: 'gif', kind: 'image' },
      { name: 'WebP', bytes: ascii('RIFF\x10\x00\x00\x00WEBPVP8 '), format: 'webp', kind: 'image' },
      {
        name: 'AVIF',
        bytes: Buffer.concat([hex('00 00 00 1c'), ascii('ftypavif\0\0\0\0avifmif1miaf')]),
        format: 'avif',
        kind: 'image',
      },
      {
        name: 'MP4',
        bytes: Buffer.concat([hex('00 00 00 18'), ascii('ftypmp42\0\0\0\0mp42isom')]),
        format: 'mp4',
        kind: 'video',
      },
      {
        name: 'QuickTime',
        bytes: Buffer.concat([hex('00 00 00 14'), ascii('ftypqt  \0\0\0\0qt  ')]),
        format: 'mov',
        kind: 'video',
      },
      {
        name: 'WebM',
        bytes: Buffer.concat([hex('1a 45 df a3 9f 42 86 81 01'), ascii('B\x82\x84webm')]),
        format: 'webm',
        kind: 'video',
      },
    ])
    .run(({ assert }, { bytes, format, kind }) => {
      assert.include(sniff(bytes), { format, kind })
    })

  test('refuses {name}')
    .with([
      { name: 'HTML', bytes: ascii('<!doctype html><html>') },
      { name: 'an HLS playlist', bytes: ascii('#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd') },
      { name: 'an ffconcat script', bytes: ascii("ffconcat version 1.0\nfile 'a.mp4'") },
      {
        name: 'HEIC',
        bytes: Buffer.concat([hex('00 00 00 18'), ascii('ftypheic\0\0\0\0mif1heic')]),
      },
      {
        name: 'Matroska (not WebM)',
        bytes: Buffer.concat([hex('1a 45 df a3 a3 42 86'), ascii('B\x82\x88matroska')]),
      },
      { name: 'SVG', bytes: ascii('<svg xmlns="http://www.w3.org/2000/svg"></svg>') },
      { name: 'an empty buffer', bytes: Buffer.alloc(0) },
    ])
    .run(({ assert }, { bytes }) => {
      assert.isNull(sniff(bytes))
    })

  test('agrees with what sharp writes', async ({ assert }) => {
    const image = sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
    assert.include(sniff(await image.clone().avif().toBuffer()), { format: 'avif' })
    assert.include(sniff(await image.clone().webp().toBuffer()), { format: 'webp' })
    assert.include(sniff(await image.clone().gif().toBuffer()), { format: 'gif' })
  })
})

test.group('Media | width ladder', () => {
  test('never upscales and keeps the original width as the top rung', ({ assert }) => {
    const ladder = [320, 640, 960, 1280, 1920]
    assert.deepEqual(ladderFor(4000, ladder), [320, 640, 960, 1280, 1920])
    assert.deepEqual(ladderFor(1000, ladder), [320, 640, 960, 1000])
    assert.deepEqual(ladderFor(960, ladder), [320, 640, 960])
    assert.deepEqual(ladderFor(200, ladder), [200])
  })
})
