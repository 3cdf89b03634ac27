/** Whether a synonym rule can do anything: both engines segment its phrases and drop stop words. */
import { createAnalyzer } from './analysis/analyzer'
import type { SynonymRule } from './analysis/synonyms'
import { synonymItems } from './typesense/requests'

let analyzer: ReturnType<typeof createAnalyzer> | undefined

/** The rules that segment to stop words only (咋办 → 怎么办), or to a single term: they match nothing more. */
export function unusableSynonymRules(rules: readonly SynonymRule[]): SynonymRule[] {
  analyzer ??= createAnalyzer()
  return synonymItems(rules, (s) => analyzer!.baselineTokens(s).join(' ')).dropped
}

export const UNUSABLE_SYNONYM_MESSAGE =
  '该规则分词后只剩语气词或停用词（如“咋办”“怎么办”），或只剩一个词，检索中不起作用；请改写为具体的办事用语'
