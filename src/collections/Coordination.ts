/**
 * What several app servers on one database share, kept in the database itself (no admin UI, no
 * user access; the server reads and writes them through the Local API):
 * - `search-changes`: every index-relevant write (an entry, or the search settings), written in the
 *   same transaction as the write; each instance follows it (settings reach every instance, and with
 *   the embedded engine every in-memory index follows the database);
 * - `instance-leases`: one row per lease and time slot, unique, so exactly one instance holds a slot
 *   (the search outbox runs only there);
 * - `rate-limit-hits`: one row per counted request, so that a limit holds across instances.
 */
import type { CollectionConfig } from 'payload'

import { nobody } from '../access/common'

const internal = { read: nobody, create: nobody, update: nobody, delete: nobody }

export const SearchChanges: CollectionConfig = {
  slug: 'search-changes',
  admin: { hidden: true },
  access: internal,
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'entry', label: 'entry' },
        { value: 'settings', label: 'settings' },
      ],
    },
    { name: 'code', type: 'text' },
  ],
}

export const InstanceLeases: CollectionConfig = {
  slug: 'instance-leases',
  admin: { hidden: true },
  access: internal,
  fields: [
    { name: 'slot', type: 'text', required: true, unique: true },
    { name: 'holder', type: 'text', required: true },
  ],
}

export const RateLimitHits: CollectionConfig = {
  slug: 'rate-limit-hits',
  admin: { hidden: true },
  access: internal,
  fields: [
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'window', type: 'number', required: true, index: true },
  ],
}
