/**
 * Facet values of every index slot as small integers in typed arrays, one column per facet: counting
 * the facets of tens of thousands of candidates is then array arithmetic, not object walking.
 * Most facets hold one value per entry; the rare further values (a second district) sit aside.
 */
const NONE = -1

export class FacetColumns {
  private names: string[][]
  private ids: Map<string, number>[]
  private first: Int32Array[]
  private more = new Map<number, number[][]>()

  constructor(private readonly facets: number) {
    this.names = Array.from({ length: facets }, () => [])
    this.ids = Array.from({ length: facets }, () => new Map())
    this.first = Array.from({ length: facets }, () => new Int32Array(1024).fill(NONE))
  }

  /** The id of a value, or -1 when no slot ever held it. */
  idOf(facet: number, value: string): number {
    return this.ids[facet].get(value) ?? NONE
  }

  /** The (first) value id a slot holds in a facet, or -1. */
  firstId(facet: number, slot: number): number {
    return this.first[facet][slot] ?? NONE
  }

  private intern(facet: number, value: string): number {
    let id = this.ids[facet].get(value)
    if (id === undefined) {
      id = this.names[facet].push(value) - 1
      this.ids[facet].set(value, id)
    }
    return id
  }

  set(slot: number, values: readonly (readonly string[])[]): void {
    if (slot >= this.first[0].length) {
      this.first = this.first.map((column) => {
        const grown = new Int32Array(Math.max(slot + 1, column.length * 2)).fill(NONE)
        grown.set(column)
        return grown
      })
    }
    this.more.delete(slot)
    values.forEach((list, f) => {
      const ids = list.map((v) => this.intern(f, v))
      this.first[f][slot] = ids[0] ?? NONE
      if (ids.length > 1) {
        if (!this.more.has(slot))
          this.more.set(
            slot,
            Array.from({ length: this.facets }, () => []),
          )
        this.more.get(slot)![f] = ids.slice(1)
      }
    })
  }

  /** Whether the slot holds one of the wanted ids in this facet. */
  has(slot: number, facet: number, wanted: ReadonlySet<number>): boolean {
    return wanted.has(this.first[facet][slot]) || Boolean(this.more.get(slot)?.[facet].some((id) => wanted.has(id)))
  }

  /** Value → number of the given slots holding it, per facet. */
  count(slots: Int32Array, length: number): Record<string, number>[] {
    return this.first.map((column, f) => {
      const counts = new Int32Array(this.names[f].length)
      for (let c = 0; c < length; c++) {
        const id = column[slots[c]]
        if (id !== NONE) counts[id]++
      }
      if (this.more.size) {
        for (let c = 0; c < length; c++) for (const id of this.more.get(slots[c])?.[f] ?? []) counts[id]++
      }
      const out: Record<string, number> = {}
      counts.forEach((n, id) => {
        if (n) out[this.names[f][id]] = n
      })
      return out
    })
  }
}
