/**
 * STIX 2.1 §6 Cyber-observable Objects and their predefined extensions. Required sets and
 * value forms follow the OASIS schemas (schemas/observables/*.json); reference targets follow
 * the spec's "MUST be of type" rules.
 */
import { SCO_REF, refTo } from './categories.js'
import type { IssueCollector } from './issue.js'
import type { RuleTable, TypeRule } from './rule.js'
import { isIpv4Value, isIpv6Value } from './addresses.js'
import {
  type PropSpec, bool, hashes, hex, int, intRange, obj, oneOf, ref, refs, str, strList, ts, uint,
} from './values.js'

const addr = refTo('ipv4-addr', 'ipv6-addr', 'mac-addr', 'domain-name')
const user = refTo('user-account')
const port = intRange(0, 65535)
const MAC_RE = /^(?:[0-9a-f]{2}:){5}[0-9a-f]{2}$/
/** §6.13: the hive must be written in full (HKEY_LOCAL_MACHINE, not HKLM). */
const ABBREVIATED_HIVE_RE = /^(?:HKLM|HKCC|HKCR|HKCU|HKU)(?:\\|$)/i

const sco = (required: string[], props: Record<string, PropSpec>, more: Partial<TypeRule> = {}): TypeRule => ({
  category: 'sco', required, props, ...more,
})

function checkValueForm(test: (v: string) => boolean, what: string) {
  return (o: Record<string, unknown>, out: IssueCollector): void => {
    if (typeof o.value === 'string' && !test(o.value)) out.add('value', 'value-format', `'${o.value.slice(0, 100)}' is not ${what}`)
  }
}

function checkArtifact(o: Record<string, unknown>, out: IssueCollector): void {
  const hasBin = 'payload_bin' in o
  const hasUrl = 'url' in o
  if (hasBin && hasUrl) out.add('url', 'mutually-exclusive', 'payload_bin and url must not both be present')
  if (hasUrl && !('hashes' in o)) out.add('hashes', 'property-dependency', 'an artifact given by url must have hashes')
  if ('decryption_key' in o && !('encryption_algorithm' in o)) out.add('decryption_key', 'property-dependency', 'decryption_key requires encryption_algorithm')
}

function checkEmailMessage(o: Record<string, unknown>, out: IssueCollector): void {
  if (o.is_multipart === true && 'body' in o) out.add('body', 'mutually-exclusive', 'a multipart message uses body_multipart, not body')
  if (o.is_multipart === false && 'body_multipart' in o) out.add('body_multipart', 'mutually-exclusive', 'body_multipart requires is_multipart true')
  const parts = o.body_multipart
  if (Array.isArray(parts)) {
    parts.forEach((p, i) => {
      if (typeof p !== 'object' || p === null) return
      const part = p as Record<string, unknown>
      if (('body' in part) === ('body_raw_ref' in part)) out.add(`body_multipart[${i}]`, 'mutually-exclusive', 'a MIME part needs exactly one of body or body_raw_ref')
    })
  }
}

function checkNetworkTraffic(o: Record<string, unknown>, out: IssueCollector): void {
  if (!('src_ref' in o) && !('dst_ref' in o)) out.add('', 'required-one-of', 'network-traffic needs src_ref or dst_ref')
  if (o.is_active === true && 'end' in o) out.add('end', 'mutually-exclusive', 'end must not be present when is_active is true')
}

function checkRegistryKey(o: Record<string, unknown>, out: IssueCollector): void {
  if (typeof o.key === 'string' && ABBREVIATED_HIVE_RE.test(o.key)) out.add('key', 'value-format', 'the registry hive must be written in full, e.g. HKEY_LOCAL_MACHINE')
}

const mimePart = obj({ body: str, body_raw_ref: ref(refTo('artifact', 'file')), content_type: str, content_disposition: str })
const peSection = obj({ name: str, size: uint, entropy: { kind: 'number' }, hashes }, ['name'])

export const SCO_RULES: RuleTable = {
  artifact: sco([], {
    mime_type: str, payload_bin: { kind: 'binary' }, url: str, hashes,
    encryption_algorithm: oneOf('AES-256-GCM', 'ChaCha20-Poly1305', 'mime-type-indicated'), decryption_key: str,
  }, { anyOf: ['payload_bin', 'url'], check: checkArtifact }),
  'autonomous-system': sco(['number'], { number: int, name: str, rir: str }),
  directory: sco(['path'], { path: str, path_enc: str, ctime: ts, mtime: ts, atime: ts, contains_refs: refs(refTo('file', 'directory')) }),
  'domain-name': sco(['value'], { value: str, resolves_to_refs: refs(refTo('ipv4-addr', 'ipv6-addr', 'domain-name')) }),
  'email-addr': sco(['value'], { value: str, display_name: str, belongs_to_ref: ref(user) }),
  'email-message': sco(['is_multipart'], {
    is_multipart: bool, date: ts, content_type: str, from_ref: ref(refTo('email-addr')), sender_ref: ref(refTo('email-addr')),
    to_refs: refs(refTo('email-addr')), cc_refs: refs(refTo('email-addr')), bcc_refs: refs(refTo('email-addr')),
    message_id: str, subject: str, received_lines: strList, additional_header_fields: { kind: 'dictionary' },
    body: str, body_multipart: { kind: 'list', of: mimePart }, raw_email_ref: ref(refTo('artifact')),
  }, { check: checkEmailMessage }),
  file: sco([], {
    hashes, size: uint, name: str, name_enc: str, magic_number_hex: hex, mime_type: str, ctime: ts, mtime: ts, atime: ts,
    parent_directory_ref: ref(refTo('directory')), contains_refs: refs(SCO_REF), content_ref: ref(refTo('artifact')),
  }, {
    anyOf: ['hashes', 'name'],
    extensions: {
      'ntfs-ext': obj({ sid: str, alternate_data_streams: { kind: 'list', of: obj({ name: str, hashes, size: uint }, ['name']) } }),
      'raster-image-ext': obj({ image_height: int, image_width: int, bits_per_pixel: int, exif_tags: { kind: 'dictionary' } }),
      'pdf-ext': obj({ version: str, is_optimized: bool, document_info_dict: { kind: 'dictionary', values: str }, pdfid0: str, pdfid1: str }),
      'archive-ext': obj({ contains_refs: refs(refTo('file', 'directory')), comment: str }, ['contains_refs']),
      'windows-pebinary-ext': obj({
        pe_type: str, imphash: str, machine_hex: hex, number_of_sections: uint, time_date_stamp: { kind: 'timestamp', precision: 'seconds' },
        pointer_to_symbol_table_hex: hex, number_of_symbols: uint, size_of_optional_header: uint, characteristics_hex: hex,
        file_header_hashes: hashes, optional_header: { kind: 'object', props: { hashes } }, sections: { kind: 'list', of: peSection },
      }, ['pe_type']),
    },
  }),
  'ipv4-addr': sco(['value'], { value: str, resolves_to_refs: refs(refTo('mac-addr')), belongs_to_refs: refs(refTo('autonomous-system')) },
    { check: checkValueForm(isIpv4Value, 'an IPv4 address or CIDR block') }),
  'ipv6-addr': sco(['value'], { value: str, resolves_to_refs: refs(refTo('mac-addr')), belongs_to_refs: refs(refTo('autonomous-system')) },
    { check: checkValueForm(isIpv6Value, 'an IPv6 address or CIDR block') }),
  'mac-addr': sco(['value'], { value: str }, { check: checkValueForm((v) => MAC_RE.test(v), 'a lower-case, colon-separated MAC-48 address') }),
  mutex: sco(['name'], { name: str }),
  'network-traffic': sco(['protocols'], {
    start: ts, end: ts, is_active: bool, src_ref: ref(addr), dst_ref: ref(addr), src_port: port, dst_port: port, protocols: strList,
    src_byte_count: uint, dst_byte_count: uint, src_packets: uint, dst_packets: uint, ipfix: { kind: 'dictionary' },
    src_payload_ref: ref(refTo('artifact')), dst_payload_ref: ref(refTo('artifact')),
    encapsulates_refs: refs(refTo('network-traffic')), encapsulated_by_ref: ref(refTo('network-traffic')),
  }, {
    orders: [['start', 'end', false]],
    check: checkNetworkTraffic,
    extensions: {
      'http-request-ext': obj({ request_method: str, request_value: str, request_version: str, request_header: { kind: 'dictionary' }, message_body_length: int, message_body_data_ref: ref(refTo('artifact')) }, ['request_method', 'request_value']),
      'icmp-ext': obj({ icmp_type_hex: hex, icmp_code_hex: hex }, ['icmp_type_hex', 'icmp_code_hex']),
      'socket-ext': obj({
        address_family: oneOf('AF_UNSPEC', 'AF_INET', 'AF_IPX', 'AF_APPLETALK', 'AF_NETBIOS', 'AF_INET6', 'AF_IRDA', 'AF_BTH'),
        is_blocking: bool, is_listening: bool, options: { kind: 'dictionary', values: int },
        socket_type: oneOf('SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET'), socket_descriptor: uint, socket_handle: int,
      }, ['address_family']),
      'tcp-ext': obj({ src_flags_hex: hex, dst_flags_hex: hex }),
    },
  }),
  process: sco([], {
    is_hidden: bool, pid: int, created_time: ts, cwd: str, command_line: str, environment_variables: { kind: 'dictionary' },
    opened_connection_refs: refs(refTo('network-traffic')), creator_user_ref: ref(user), image_ref: ref(refTo('file')),
    parent_ref: ref(refTo('process')), child_refs: refs(refTo('process')),
  }, {
    anyOf: ['extensions', 'is_hidden', 'pid', 'created_time', 'cwd', 'command_line', 'environment_variables', 'opened_connection_refs', 'creator_user_ref', 'image_ref', 'parent_ref', 'child_refs'],
    extensions: {
      'windows-process-ext': obj({ aslr_enabled: bool, dep_enabled: bool, priority: str, owner_sid: str, window_title: str, startup_info: { kind: 'dictionary' }, integrity_level: oneOf('low', 'medium', 'high', 'system') }),
      'windows-service-ext': obj({
        service_name: str, descriptions: strList, display_name: str, group_name: str,
        start_type: oneOf('SERVICE_AUTO_START', 'SERVICE_BOOT_START', 'SERVICE_DEMAND_START', 'SERVICE_DISABLED', 'SERVICE_SYSTEM_ALERT'),
        service_dll_refs: refs(refTo('file')),
        service_type: oneOf('SERVICE_KERNEL_DRIVER', 'SERVICE_FILE_SYSTEM_DRIVER', 'SERVICE_WIN32_OWN_PROCESS', 'SERVICE_WIN32_SHARE_PROCESS'),
        service_status: oneOf('SERVICE_CONTINUE_PENDING', 'SERVICE_PAUSE_PENDING', 'SERVICE_PAUSED', 'SERVICE_RUNNING', 'SERVICE_START_PENDING', 'SERVICE_STOP_PENDING', 'SERVICE_STOPPED'),
      }),
    },
  }),
  software: sco(['name'], { name: str, cpe: str, swid: str, languages: strList, vendor: str, version: str }),
  url: sco(['value'], { value: str }),
  'user-account': sco([], {
    user_id: str, credential: str, account_login: str, account_type: str, display_name: str, is_service_account: bool,
    is_privileged: bool, can_escalate_privs: bool, is_disabled: bool, account_created: ts, account_expires: ts,
    credential_last_changed: ts, account_first_login: ts, account_last_login: ts,
  }, {
    anyOf: ['extensions', 'user_id', 'credential', 'account_login', 'account_type', 'display_name', 'is_service_account', 'is_privileged', 'can_escalate_privs', 'is_disabled', 'account_created', 'account_expires', 'credential_last_changed', 'account_first_login', 'account_last_login'],
    extensions: { 'unix-account-ext': obj({ gid: int, groups: strList, home_dir: str, shell: str }) },
  }),
  'windows-registry-key': sco([], {
    key: str, modified_time: ts, creator_user_ref: ref(user), number_of_subkeys: int,
    values: { kind: 'list', of: obj({ name: str, data: str, data_type: oneOf('REG_NONE', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_BINARY', 'REG_DWORD', 'REG_DWORD_BIG_ENDIAN', 'REG_DWORD_LITTLE_ENDIAN', 'REG_LINK', 'REG_MULTI_SZ', 'REG_RESOURCE_LIST', 'REG_FULL_RESOURCE_DESCRIPTION', 'REG_RESOURCE_REQUIREMENTS_LIST', 'REG_QWORD', 'REG_INVALID_TYPE') }) },
  }, { anyOf: ['key', 'values', 'modified_time', 'creator_user_ref', 'number_of_subkeys'], check: checkRegistryKey }),
  'x509-certificate': sco([], {
    is_self_signed: bool, hashes, version: str, serial_number: str, signature_algorithm: str, issuer: str,
    validity_not_before: ts, validity_not_after: ts, subject: str, subject_public_key_algorithm: str,
    subject_public_key_modulus: str, subject_public_key_exponent: int, x509_v3_extensions: { kind: 'object', props: { private_key_usage_period_not_before: ts, private_key_usage_period_not_after: ts } },
  }, {
    anyOf: ['is_self_signed', 'hashes', 'version', 'serial_number', 'signature_algorithm', 'issuer', 'validity_not_before', 'validity_not_after', 'subject', 'subject_public_key_algorithm', 'subject_public_key_modulus', 'subject_public_key_exponent', 'x509_v3_extensions'],
  }),
}
