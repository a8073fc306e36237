import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { failValidation } from '#services/validation'
import type { UploadInput } from '#services/media_service'

/**
 * Turns the body parser's file into the media service's input, with the same
 * field errors for the seller center and the API.
 */
export function uploadInput(file: MultipartFile | null, alt?: string | null): UploadInput {
  if (!file) failValidation('file', 'Choose a photo or video to upload.', 'required')
  if (file.hasErrors || !file.tmpPath) {
    failValidation(
      'file',
      file.errors[0]?.message ?? 'The upload did not complete.',
      'upload_failed'
    )
  }
  return { path: file.tmpPath, size: file.size, clientName: file.clientName, alt }
}
