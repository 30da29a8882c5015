import { failFor, type Fail } from './errors.js'

/**
 * Root key abbreviations (as reg.exe, Sysmon and most sandboxes print them) and the
 * native NT paths (\REGISTRY\MACHINE, \REGISTRY\USER), mapped to the full names STIX 2.1
 * §6.13 requires ("HKEY_LOCAL_MACHINE must be used instead of HKLM"). Keys are upper-case.
 */
const HIVES: Readonly<Record<string, string>> = {
  HKEY_LOCAL_MACHINE: 'HKEY_LOCAL_MACHINE',
  HKLM: 'HKEY_LOCAL_MACHINE',
  '\\REGISTRY\\MACHINE': 'HKEY_LOCAL_MACHINE',
  HKEY_CURRENT_USER: 'HKEY_CURRENT_USER',
  HKCU: 'HKEY_CURRENT_USER',
  HKEY_CLASSES_ROOT: 'HKEY_CLASSES_ROOT',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKEY_USERS: 'HKEY_USERS',
  HKU: 'HKEY_USERS',
  '\\REGISTRY\\USER': 'HKEY_USERS',
  HKEY_CURRENT_CONFIG: 'HKEY_CURRENT_CONFIG',
  HKCC: 'HKEY_CURRENT_CONFIG',
  HKEY_PERFORMANCE_DATA: 'HKEY_PERFORMANCE_DATA',
  HKPD: 'HKEY_PERFORMANCE_DATA',
  HKEY_DYN_DATA: 'HKEY_DYN_DATA',
  HKDD: 'HKEY_DYN_DATA',
}

/** True when the text starts with a root key name followed by '\' or the end. */
export function startsWithHive(text: string): boolean {
  const upper = text.toUpperCase()
  return Object.keys(HIVES).some((h) => upper === h || upper.startsWith(`${h}\\`))
}

/**
 * windows-registry-key:key. Runs of backslashes become one (a doubled '\\' is an escaping
 * left-over: key names are never empty) and trailing ones are dropped. The root key is
 * written in full and upper-case; the rest is lower-cased, because Windows compares key
 * names case-insensitively, so one key has one lookup key.
 */
export function normaliseRegistryKey(value: string): string {
  const fail: Fail = failFor('windows-registry-key', 'key', value)
  const collapsed = value.replace(/\\+/g, '\\').replace(/\\$/, '')
  const upper = collapsed.toUpperCase()
  const root = Object.keys(HIVES)
    .sort((a, b) => b.length - a.length)
    .find((h) => upper === h || upper.startsWith(`${h}\\`))
  if (root === undefined) {
    const first = collapsed.split('\\')[0] ?? ''
    return fail(`the key must start with a root key such as HKEY_LOCAL_MACHINE or HKLM, not '${first}'`)
  }
  const rest = collapsed.slice(root.length)
  return `${HIVES[root]}${rest.toLowerCase()}`
}
