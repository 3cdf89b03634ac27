/** The search form: a plain GET form (works without JavaScript); the browser's list offers suggestions. */
export function SearchBox({ q = '' }: { q?: string }) {
  return (
    <form className="search" action="/search" method="get" role="search">
      <label htmlFor="q" className="skip">
        搜索办事问题
      </label>
      <input id="q" name="q" type="search" defaultValue={q} placeholder="说说您要办的事，如：身份证丢了怎么办" maxLength={200} required autoComplete="off" />
      <button type="submit">搜索</button>
    </form>
  )
}
