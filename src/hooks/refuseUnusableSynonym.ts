import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { UNUSABLE_SYNONYM_MESSAGE, unusableSynonymRules } from '../search/synonymRules'

/**
 * A rule that segments to stop words only would be left out of the engine's synonym set (Typesense
 * refuses an empty one): the kb-admin hears it here, when saving it.
 */
export const refuseUnusableSynonym: CollectionBeforeValidateHook = ({ data, originalDoc, collection, req }) => {
  const merged = { ...originalDoc, ...data } as { root?: string | null; terms?: string[] | null; active?: boolean }
  if (merged.active === false || !merged.terms?.length) return data
  const rule = merged.root ? { root: merged.root, synonyms: merged.terms } : merged.terms
  if (unusableSynonymRules([rule]).length) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'terms', message: UNUSABLE_SYNONYM_MESSAGE }] },
      req.t,
    )
  }
  return data
}
