import { accessSync, constants } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'

const require = createRequire(import.meta.url)

function onPath(name: string): string | null {
  for (const directory of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(directory, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  return null
}

function fromPackage(name: string): string | null {
  try {
    return (require(name) as { path: string }).path
  } catch {
    return null
  }
}

/**
 * Where ffmpeg and ffprobe are: the configured path, else the system's (the
 * PATH), else the static builds shipped inside the @ffmpeg-installer and
 * @ffprobe-installer npm packages. Nothing is downloaded.
 */
export function resolveBinary(tool: 'ffmpeg' | 'ffprobe', configured?: string): string {
  if (configured) return configured
  const found =
    onPath(tool) ??
    fromPackage(tool === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe')
  if (!found) {
    throw new Error(
      `${tool} was not found. Install it (apt-get install ffmpeg), set ${tool.toUpperCase()}_PATH, ` +
        `or install the npm package @${tool}-installer/${tool}.`
    )
  }
  return found
}
