import vine from '@vinejs/vine'

const email = () => vine.string().trim().toLowerCase().email().maxLength(254)

/** A new customer account (web form and API). */
export const signupValidator = vine.create({
  email: email().unique({ table: 'users', column: 'email' }),
  password: vine.string().minLength(8).maxLength(128),
  name: vine.string().trim().minLength(1).maxLength(100),
})

/** Signing in with email and password. */
export const loginValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(128),
})
