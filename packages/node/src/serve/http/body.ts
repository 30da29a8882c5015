import type { Context } from 'hono'
import { BadRequestError } from '../../errors.js'

/** The request body as a JSON object, or a 400 that says what is wrong with it. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  return parseJsonObject(await c.req.text())
}

export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') throw new BadRequestError('the request body is empty; send a JSON object')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new BadRequestError(`the request body is not JSON: ${(err as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestError('the request body must be a JSON object')
  return value as Record<string, unknown>
}

/** A query parameter as a whole number in [min, max], or a 400 naming it. */
export function intParam(c: Context, name: string, min: number, max: number): number | undefined {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return undefined
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new BadRequestError(`${name}: must be a whole number from ${min} to ${max}, got '${raw.slice(0, 40)}'`)
  return Number(raw)
}

export function boolParam(c: Context, name: string): boolean {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false
  if (raw === 'true' || raw === '1') return true
  throw new BadRequestError(`${name}: must be true or false, got '${raw.slice(0, 40)}'`)
}

export function enumParam<T extends string>(c: Context, name: string, allowed: readonly T[], fallback: T): T {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return fallback
  if (!(allowed as readonly string[]).includes(raw)) throw new BadRequestError(`${name}: must be one of ${allowed.join(', ')}, got '${raw.slice(0, 40)}'`)
  return raw as T
}
