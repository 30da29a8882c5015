import { describe, expect, it } from 'vitest'
import { ObservableError } from './errors.js'
import { normaliseRegistryKey, startsWithHive } from './registry.js'

describe('normaliseRegistryKey', () => {
  it.each([
    ['HKEY_CURRENT_USER\\Software\\CryptoLocker\\Files', 'HKEY_CURRENT_USER\\software\\cryptolocker\\files'],
    ['HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run', 'HKEY_LOCAL_MACHINE\\software\\microsoft\\windows\\currentversion\\run'],
    ['hklm\\SOFTWARE', 'HKEY_LOCAL_MACHINE\\software'],
    ['HKCU\\Software\\X\\', 'HKEY_CURRENT_USER\\software\\x'],
    ['HKCU\\\\Software\\\\X', 'HKEY_CURRENT_USER\\software\\x'],
    ['HKCR\\.exe', 'HKEY_CLASSES_ROOT\\.exe'],
    ['HKU\\S-1-5-21-1\\Software', 'HKEY_USERS\\s-1-5-21-1\\software'],
    ['HKCC\\System', 'HKEY_CURRENT_CONFIG\\system'],
    ['\\REGISTRY\\MACHINE\\SYSTEM\\CurrentControlSet', 'HKEY_LOCAL_MACHINE\\system\\currentcontrolset'],
    ['\\Registry\\User\\S-1-5-18', 'HKEY_USERS\\s-1-5-18'],
    ['HKEY_LOCAL_MACHINE', 'HKEY_LOCAL_MACHINE'],
    ['HKLM\\Software\\a/b', 'HKEY_LOCAL_MACHINE\\software\\a/b'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseRegistryKey(input)).toBe(expected)
  })

  it.each([
    ['Software\\Microsoft', "not 'Software'"],
    ['HKLMX\\Software', "not 'HKLMX'"],
    ['HKEY_LOCAL_MACHINES\\x', "not 'HKEY_LOCAL_MACHINES'"],
  ])('rejects %j', (input, problem) => {
    expect(() => normaliseRegistryKey(input)).toThrow(ObservableError)
    expect(() => normaliseRegistryKey(input)).toThrow(problem)
  })

  it('recognises hive prefixes', () => {
    expect(startsWithHive('HKLM\\x')).toBe(true)
    expect(startsWithHive('hkey_users')).toBe(true)
    expect(startsWithHive('HKLMX\\x')).toBe(false)
  })
})
