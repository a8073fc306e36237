import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { failValidation } from '#services/validation'
import type { UploadInput } from '#services/media_service'

/**
 * Hands the upload's temporary file to `handle` as the media service's
 * input, with the same field errors for the seller center and the API. The
 * uploads middleware deletes the file when the request ends.
 */
export async function receiveUpload<T>(
  file: MultipartFile | null,
  alt: string | null | undefined,
  handle: (input: UploadInput) => Promise<T>
): Promise<T> {
  if (!file) failValidation('file', 'Choose a photo or video to upload.', 'required')
  if (file.hasErrors || !file.tmpPath) {
    failValidation(
      'file',
      file.errors[0]?.message ?? 'The upload did not complete.',
      'upload_failed'
    )
  }
  return handle({ path: file.tmpPath, size: file.size, clientName: file.clientName, alt })
}
