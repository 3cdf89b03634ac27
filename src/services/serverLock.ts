/**
 * The running server leaves its process id beside the embedded database, so that a restore can tell
 * a live server (refuse) from a crashed one (a stale file: its process no longer exists).
 */
import fs from 'node:fs'

const lockFile = (databaseFile: string) => `${databaseFile}.server.pid`

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Records this process as the server of the database; the returned function removes the record. */
export function claimServerLock(databaseFile: string): () => void {
  const file = lockFile(databaseFile)
  fs.writeFileSync(file, String(process.pid))
  return () => {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file)
  }
}

/** The process id of a live server on this database, if there is one. */
export function liveServerPid(databaseFile: string): number | undefined {
  const file = lockFile(databaseFile)
  if (!fs.existsSync(file)) return undefined
  const pid = Number(fs.readFileSync(file, 'utf8').trim())
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined
}
