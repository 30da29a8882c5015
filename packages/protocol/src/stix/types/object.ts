/** The union of every object type this package models, plus custom/unknown types. */
import type { StixObjectBase } from './common.js'
import type { StixMetaObject } from './meta.js'
import type { StixCyberObservable } from './sco.js'
import type { StixDomainObject } from './sdo.js'
import type { StixRelationshipObject } from './sro.js'

/**
 * A custom (`x-…`) or extension-defined object type. Its `type` is any string that is not one
 * of the core types, which TypeScript cannot express, so narrow on `type` before relying on it.
 */
export type CustomStixObject = StixObjectBase

export type KnownStixObject = StixDomainObject | StixRelationshipObject | StixCyberObservable | StixMetaObject

export type StixObject = KnownStixObject | CustomStixObject

export type KnownStixType = KnownStixObject['type']
