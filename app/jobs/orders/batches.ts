/** Rows one pass of a scheduled order job handles. */
export const BATCH_SIZE = 200

/**
 * Runs `pass` (which handles at most `size` rows and says how many it did)
 * until a pass comes back short, so a backlog left by downtime is caught up
 * in one run. Returns the total.
 */
export async function inBatches(
  pass: (size: number) => Promise<number>,
  size = BATCH_SIZE
): Promise<number> {
  let total = 0
  let done: number
  do {
    done = await pass(size)
    total += done
  } while (done === size)
  return total
}
