import { describe, expect, it } from 'vitest'
import { main } from './run.js'
import { memoryIo } from './testing/memory-io.js'

describe('certmesh entry', () => {
  it('lists the commands for --help and for no arguments', async () => {
    for (const argv of [[], ['--help'], ['help']]) {
      const io = memoryIo()
      expect(await main(argv, io)).toBe(0)
      expect(io.out()).toContain('validate')
    }
  })

  it('shows one command\'s help for `help NAME`', async () => {
    const io = memoryIo()
    expect(await main(['help', 'validate'], io)).toBe(0)
    expect(io.out()).toMatch(/^Usage: certmesh validate/)
  })

  it('names an unknown command and exits 2 without a stack trace', async () => {
    const io = memoryIo()
    expect(await main(['frobnicate'], io)).toBe(2)
    expect(io.err()).toBe("certmesh: unknown command 'frobnicate'. Run `certmesh --help` for the list of commands.\n")
  })

  it('accepts --data before the command name', async () => {
    const io = memoryIo()
    expect(await main(['--data', '/nonexistent', 'validate', '--help'], io)).toBe(0)
    expect(io.out()).toMatch(/^Usage: certmesh validate/)
  })
})
