import { test } from '@japa/runner'
import { MediaInputError } from '#media/errors'
import { SharpImageProcessor } from '#media/image_processor'
import { FfmpegVideoTranscoder } from '#media/video_transcoder'
import { resolveBinary } from '#media/binaries'
import { testVideo } from '#tests/helpers/media_fixtures'
import { imageProcessorSuite, videoTranscoderSuite } from './media_processor_suite.js'

function ffmpeg(timeoutSeconds = 60) {
  return new FfmpegVideoTranscoder({
    ffmpegPath: resolveBinary('ffmpeg', process.env.FFMPEG_PATH),
    ffprobePath: resolveBinary('ffprobe', process.env.FFPROBE_PATH),
    threads: 2,
    timeoutSeconds,
    crf: 23,
    preset: 'veryfast',
    audioBitrate: '128k',
  })
}

imageProcessorSuite({ test, name: 'sharp', create: (limits) => new SharpImageProcessor(limits) })
videoTranscoderSuite({ test, name: 'ffmpeg', create: () => ffmpeg() })

test.group('Media processors | ffmpeg safety', () => {
  test('kills a transcode that runs past its time limit', async ({ assert }) => {
    const clip = await testVideo('slow.mp4', { width: 1280, height: 720, seconds: 4 })
    const transcoder = ffmpeg(0.2)
    const probe = await transcoder.probe(clip.path, 'mp4')
    const started = Date.now()
    await assert.rejects(
      () =>
        transcoder.transcode(clip.path, 'mp4', probe, {
          shortEdge: 720,
          output: `${clip.path}.out.mp4`,
        }),
      MediaInputError
    )
    assert.isBelow(Date.now() - started, 3000, 'killed, not waited for')
  })
})
