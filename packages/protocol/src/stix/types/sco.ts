/** STIX 2.1 Cyber-observable Objects (§6). Predefined extensions are typed loosely. */
import type { Hashes, ScoCommon, StixDictionary, StixIdentifier, StixTimestamp } from './common.js'

export interface Artifact extends ScoCommon {
  type: 'artifact'
  mime_type?: string
  /** Base64; mutually exclusive with `url` (§6.1). */
  payload_bin?: string
  url?: string
  hashes?: Hashes
  encryption_algorithm?: 'AES-256-GCM' | 'ChaCha20-Poly1305' | 'mime-type-indicated'
  decryption_key?: string
}

export interface AutonomousSystem extends ScoCommon {
  type: 'autonomous-system'
  number: number
  name?: string
  rir?: string
}

export interface Directory extends ScoCommon {
  type: 'directory'
  path: string
  path_enc?: string
  ctime?: StixTimestamp
  mtime?: StixTimestamp
  atime?: StixTimestamp
  contains_refs?: StixIdentifier[]
}

export interface DomainName extends ScoCommon {
  type: 'domain-name'
  value: string
  resolves_to_refs?: StixIdentifier[]
}

export interface EmailAddr extends ScoCommon {
  type: 'email-addr'
  value: string
  display_name?: string
  belongs_to_ref?: StixIdentifier
}

export interface EmailMimeComponent {
  body?: string
  body_raw_ref?: StixIdentifier
  content_type?: string
  content_disposition?: string
}

export interface EmailMessage extends ScoCommon {
  type: 'email-message'
  is_multipart: boolean
  date?: StixTimestamp
  content_type?: string
  from_ref?: StixIdentifier
  sender_ref?: StixIdentifier
  to_refs?: StixIdentifier[]
  cc_refs?: StixIdentifier[]
  bcc_refs?: StixIdentifier[]
  message_id?: string
  subject?: string
  received_lines?: string[]
  additional_header_fields?: Record<string, string | string[]>
  body?: string
  body_multipart?: EmailMimeComponent[]
  raw_email_ref?: StixIdentifier
}

export interface File extends ScoCommon {
  type: 'file'
  hashes?: Hashes
  size?: number
  name?: string
  name_enc?: string
  magic_number_hex?: string
  mime_type?: string
  ctime?: StixTimestamp
  mtime?: StixTimestamp
  atime?: StixTimestamp
  parent_directory_ref?: StixIdentifier
  contains_refs?: StixIdentifier[]
  content_ref?: StixIdentifier
}

export interface Ipv4Addr extends ScoCommon {
  type: 'ipv4-addr'
  value: string
  resolves_to_refs?: StixIdentifier[]
  belongs_to_refs?: StixIdentifier[]
}

export interface Ipv6Addr extends ScoCommon {
  type: 'ipv6-addr'
  value: string
  resolves_to_refs?: StixIdentifier[]
  belongs_to_refs?: StixIdentifier[]
}

export interface MacAddr extends ScoCommon {
  type: 'mac-addr'
  value: string
}

export interface Mutex extends ScoCommon {
  type: 'mutex'
  name: string
}

export interface NetworkTraffic extends ScoCommon {
  type: 'network-traffic'
  start?: StixTimestamp
  end?: StixTimestamp
  is_active?: boolean
  src_ref?: StixIdentifier
  dst_ref?: StixIdentifier
  src_port?: number
  dst_port?: number
  protocols: string[]
  src_byte_count?: number
  dst_byte_count?: number
  src_packets?: number
  dst_packets?: number
  ipfix?: Record<string, string | number>
  src_payload_ref?: StixIdentifier
  dst_payload_ref?: StixIdentifier
  encapsulates_refs?: StixIdentifier[]
  encapsulated_by_ref?: StixIdentifier
}

export interface Process extends ScoCommon {
  type: 'process'
  is_hidden?: boolean
  pid?: number
  created_time?: StixTimestamp
  cwd?: string
  command_line?: string
  environment_variables?: Record<string, string>
  opened_connection_refs?: StixIdentifier[]
  creator_user_ref?: StixIdentifier
  image_ref?: StixIdentifier
  parent_ref?: StixIdentifier
  child_refs?: StixIdentifier[]
}

export interface Software extends ScoCommon {
  type: 'software'
  name: string
  cpe?: string
  swid?: string
  languages?: string[]
  vendor?: string
  version?: string
}

export interface Url extends ScoCommon {
  type: 'url'
  value: string
}

export interface UserAccount extends ScoCommon {
  type: 'user-account'
  user_id?: string
  credential?: string
  account_login?: string
  account_type?: string
  display_name?: string
  is_service_account?: boolean
  is_privileged?: boolean
  can_escalate_privs?: boolean
  is_disabled?: boolean
  account_created?: StixTimestamp
  account_expires?: StixTimestamp
  credential_last_changed?: StixTimestamp
  account_first_login?: StixTimestamp
  account_last_login?: StixTimestamp
}

export interface WindowsRegistryValue {
  name?: string
  data?: string
  data_type?: string
}

export interface WindowsRegistryKey extends ScoCommon {
  type: 'windows-registry-key'
  key?: string
  values?: WindowsRegistryValue[]
  modified_time?: StixTimestamp
  creator_user_ref?: StixIdentifier
  number_of_subkeys?: number
}

export interface X509Certificate extends ScoCommon {
  type: 'x509-certificate'
  is_self_signed?: boolean
  hashes?: Hashes
  version?: string
  serial_number?: string
  signature_algorithm?: string
  issuer?: string
  validity_not_before?: StixTimestamp
  validity_not_after?: StixTimestamp
  subject?: string
  subject_public_key_algorithm?: string
  subject_public_key_modulus?: string
  subject_public_key_exponent?: number
  x509_v3_extensions?: StixDictionary
}

export type StixCyberObservable =
  | Artifact
  | AutonomousSystem
  | Directory
  | DomainName
  | EmailAddr
  | EmailMessage
  | File
  | Ipv4Addr
  | Ipv6Addr
  | MacAddr
  | Mutex
  | NetworkTraffic
  | Process
  | Software
  | Url
  | UserAccount
  | WindowsRegistryKey
  | X509Certificate
