import { spawn } from 'node:child_process'
import app from '@adonisjs/core/services/app'

export interface ProcessResult {
  code: number | null
  output: string
}

/**
 * Runs `node <args>` in the project with exactly the given environment on
 * top of a minimal base (no variables inherited from the test process), and
 * collects what it printed.
 */
export function runNode(args: string[], env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: app.appRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    })
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

/** Environment for a throwaway SQLite database, valid for every environment. */
export function sqliteEnv(file: string, nodeEnv: 'development' | 'production') {
  return {
    NODE_ENV: nodeEnv,
    PORT: '0',
    HOST: '127.0.0.1',
    APP_KEY: 'a-long-enough-key-for-child-processes-0001',
    AUDIT_KEY: 'a-long-enough-audit-key-for-child-processes-01',
    LOG_LEVEL: 'warn',
    SESSION_DRIVER: 'database',
    DB_CONNECTION: 'sqlite',
    SQLITE_PATH: file,
    QUEUE_DRIVER: 'sync',
    QUEUE_WORKER: 'off',
  }
}
