import vine from '@vinejs/vine'
import { rowId } from '#validators/rules/bounds'

const alt = () => vine.string().trim().maxLength(300)

/** The fields that come with an upload (the file itself is checked by the media service). */
export const mediaUploadValidator = vine.create({
  alt: alt().optional(),
})

/** Alt text and the cover choice. */
export const mediaUpdateValidator = vine.create({
  alt: alt().nullable().optional(),
  isCover: vine.boolean().optional(),
})

/** A product's gallery order: every media id, once. */
export const mediaOrderValidator = vine.create({
  ids: vine.array(rowId()).minLength(1).maxLength(100),
})
