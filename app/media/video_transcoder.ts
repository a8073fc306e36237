import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import ffmpeg from 'fluent-ffmpeg'
import { MediaInputError } from '#media/errors'
import type { TranscodeTarget, VideoProbe, VideoTranscoder } from '#media/types'

const run = promisify(execFile)

/** Demuxers by sniffed container: ffmpeg is told the format, never left to guess it. */
const DEMUXERS: Record<string, string> = { mp4: 'mov', mov: 'mov', webm: 'matroska' }

export interface FfmpegOptions {
  ffmpegPath: string
  ffprobePath: string
  /** Encoder threads per job. */
  threads: number
  /** Seconds after which ffmpeg is killed. */
  timeoutSeconds: number
  crf: number
  preset: string
  audioBitrate: string
}

/**
 * Input options that keep ffmpeg on the one local file it was given: the
 * demuxer is forced from the sniffed type (so a playlist or concat script
 * renamed .mp4 is never interpreted as one) and only the file protocol is
 * allowed (so nothing can point it at another file, a URL or a device).
 */
function safeInput(format: string) {
  const demuxer = DEMUXERS[format]
  if (!demuxer) throw new MediaInputError(`Unsupported video container "${format}".`)
  return ['-protocol_whitelist', 'file', '-f', demuxer]
}

function even(value: number) {
  return Math.max(2, Math.round(value / 2) * 2)
}

/**
 * The built-in video transcoder: ffprobe for metadata, fluent-ffmpeg to build
 * and run the ffmpeg commands. fluent-ffmpeg is archived upstream; this file
 * is the only place that knows about it.
 */
export class FfmpegVideoTranscoder implements VideoTranscoder {
  constructor(protected options: FfmpegOptions) {}

  async probe(input: string, format: string): Promise<VideoProbe> {
    let stdout: string
    try {
      ;({ stdout } = await run(
        this.options.ffprobePath,
        [
          '-v',
          'error',
          ...safeInput(format),
          '-print_format',
          'json',
          '-show_format',
          '-show_streams',
          `file:${input}`,
        ],
        { timeout: 30_000, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }
      ))
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '').trim()
      throw new MediaInputError(
        `The video could not be read${stderr ? ` (${stderr.split('\n')[0]})` : ''}.`,
        { cause: error }
      )
    }
    const data = JSON.parse(stdout) as {
      format?: { duration?: string }
      streams?: Array<{
        codec_type?: string
        width?: number
        height?: number
        duration?: string
        tags?: { rotate?: string }
        side_data_list?: Array<{ rotation?: number }>
      }>
    }
    const video = data.streams?.find((stream) => stream.codec_type === 'video')
    if (!video?.width || !video.height) throw new MediaInputError('The file has no video stream.')
    const seconds = Number(data.format?.duration ?? video.duration)
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new MediaInputError('The video has no readable duration.')
    }
    const rotation = Math.abs(
      Number(
        video.tags?.rotate ?? video.side_data_list?.find((side) => side.rotation)?.rotation ?? 0
      )
    )
    const sideways = rotation % 180 === 90
    return {
      durationMs: Math.round(seconds * 1000),
      width: sideways ? video.height : video.width,
      height: sideways ? video.width : video.height,
      hasAudio: Boolean(data.streams?.some((stream) => stream.codec_type === 'audio')),
    }
  }

  async transcode(input: string, format: string, probe: VideoProbe, target: TranscodeTarget) {
    const shortEdge = even(Math.min(target.shortEdge, Math.min(probe.width, probe.height)))
    const scale = probe.width >= probe.height ? `scale=-2:${shortEdge}` : `scale=${shortEdge}:-2`
    await this.#run(
      ffmpeg()
        .input(`file:${input}`)
        .inputOptions(safeInput(format))
        .outputOptions([
          '-map',
          '0:v:0',
          ...(probe.hasAudio ? ['-map', '0:a:0'] : []),
          '-map_metadata',
          '-1',
          '-map_chapters',
          '-1',
          '-sn',
          '-dn',
          '-vf',
          `${scale},format=yuv420p`,
          '-c:v',
          'libx264',
          '-preset',
          this.options.preset,
          '-crf',
          String(this.options.crf),
          '-profile:v',
          'high',
          ...(probe.hasAudio ? ['-c:a', 'aac', '-b:a', this.options.audioBitrate, '-ac', '2'] : []),
          '-movflags',
          '+faststart',
          '-threads',
          String(this.options.threads),
          '-f',
          'mp4',
        ])
        .output(target.output)
    )
  }

  async frame(input: string, format: string, atSeconds: number, output: string) {
    await this.#run(
      ffmpeg()
        .input(`file:${input}`)
        .inputOptions([...safeInput(format), '-ss', atSeconds.toFixed(3)])
        .outputOptions(['-frames:v', '1', '-map_metadata', '-1', '-f', 'image2', '-c:v', 'png'])
        .output(output)
    )
  }

  /** Runs one command with a hard timeout; the process is killed if it overruns. */
  #run(command: ffmpeg.FfmpegCommand) {
    command.setFfmpegPath(this.options.ffmpegPath)
    const timeoutMs = this.options.timeoutSeconds * 1000
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        command.kill('SIGKILL')
        reject(
          new MediaInputError(`Transcoding took longer than ${this.options.timeoutSeconds} s.`)
        )
      }, timeoutMs)
      command
        .on('end', () => {
          clearTimeout(timer)
          resolve()
        })
        .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
          clearTimeout(timer)
          // ffmpeg missing or not executable is the installation's fault, not the file's.
          if (/spawn|ENOENT|EACCES/.test(error.message)) return reject(error)
          const detail = String(stderr ?? '')
            .trim()
            .split('\n')
            .filter((line) => line && !line.startsWith(' '))
            .pop()
          reject(
            new MediaInputError(
              `ffmpeg could not process the video (${detail || error.message}).`,
              {
                cause: error,
              }
            )
          )
        })
        .run()
    })
  }
}
