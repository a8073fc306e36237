import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import app from '@adonisjs/core/services/app'

export interface ProcessResult {
  code: number | null
  output: string
}

/**
 * Runs `node <args>` in the project (or `cwd`) with exactly the given environment on
 * top of a minimal base (no variables inherited from the test process), and
 * collects what it printed. Its standard input is `input` (piped, then
 * closed); `node` is another Node to run it with, `cwd` another folder.
 */
export function runNode(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
  options: { input?: string; node?: string; cwd?: string | URL } = {}
) {
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = spawn(options.node ?? process.execPath, args, {
      cwd: options.cwd ?? app.appRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    })
    // A process may exit without reading its input (a refusal): that is no error here.
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/**
 * What a production shop must set beyond the defaults (start/production_safeguards.ts):
 * no test card, its own bank account, an SMTP server.
 */
export const PRODUCTION_SETTINGS = {
  TEST_CARD_ENABLED: 'false',
  BANK_TRANSFER_BANK_NAME: '국민은행',
  BANK_TRANSFER_ACCOUNT_NUMBER: '123-45-678901',
  BANK_TRANSFER_ACCOUNT_HOLDER: '주식회사 장터',
  SMTP_HOST: '127.0.0.1',
}

/** Environment for a throwaway SQLite database, valid for every environment. */
export function sqliteEnv(file: string, nodeEnv: 'development' | 'production') {
  return {
    ...(nodeEnv === 'production' ? PRODUCTION_SETTINGS : {}),
    NODE_ENV: nodeEnv,
    PORT: '0',
    HOST: '127.0.0.1',
    APP_KEY: 'a-long-enough-key-for-child-processes-0001',
    AUDIT_KEY: 'a-long-enough-audit-key-for-child-processes-01',
    LOG_LEVEL: 'warn',
    SESSION_DRIVER: 'database',
    DB_CONNECTION: 'sqlite',
    SQLITE_PATH: file,
    DATA_DIR: 'tmp/test-child-data',
    QUEUE_DRIVER: 'sync',
    QUEUE_WORKER: 'off',
  }
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** A process started by startNode: what it printed so far, and how to stop it. */
export interface RunningProcess {
  output: () => string
  stop: () => Promise<void>
  /** Settles with the exit code (null when killed by a signal) once the process ended. */
  exited: Promise<number | null>
}

/**
 * Starts `node <args>` like runNode and resolves once its output matches
 * `ready` (a server that has started listening), with the match. Rejects
 * with what it printed if it exits or times out first.
 */
export function startNode(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 120_000,
  cwd: string | URL = app.appRoot
) {
  return new Promise<{ process: RunningProcess; match: RegExpExecArray }>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    })
    let output = ''
    const exited = new Promise<number | null>((settle) => child.once('close', settle))
    const running: RunningProcess = {
      output: () => output,
      exited,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(killer)
      },
    }
    const timer = setTimeout(() => {
      void running.stop()
      reject(new Error(`Not ready after ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onOutput = (chunk: Buffer) => {
      output += chunk
      const match = ready.exec(output)
      if (!match) return
      clearTimeout(timer)
      resolve({ process: running, match })
    }
    child.stdout.on('data', onOutput)
    child.stderr.on('data', onOutput)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      reject(new Error(`Exited with ${code} before it was ready:\n${output}`))
    })
  })
}
