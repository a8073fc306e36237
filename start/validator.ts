/*
 * VineJS reads numbers with JavaScript's Number(), so `vine.number()` took a
 * quantity sent as [1] or true (JSON or form) as 1, and [] as 0. Every
 * number input of the app now takes a number or a plain decimal string and
 * nothing else; anything else fails the `number` rule like any wrong type.
 */
import vine from '@vinejs/vine'
import { decimalNumber } from '#validators/rules/numbers'

vine.helpers.asNumber = decimalNumber
