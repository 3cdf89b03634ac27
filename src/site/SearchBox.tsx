'use client'
/**
 * The search form: a plain GET form, so it works without JavaScript; with it, titles are suggested
 * as the visitor types (the browser's own list, keyboard-accessible).
 */
import { useEffect, useState } from 'react'

export function SearchBox({ q = '' }: { q?: string }) {
  const [text, setText] = useState(q)
  const [suggestions, setSuggestions] = useState<string[]>([])
  useEffect(() => {
    if (text.trim().length < 2) return setSuggestions([])
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/api/v1/public/suggest?q=${encodeURIComponent(text)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { suggestions: [] }))
        .then((body: { suggestions: { title: string }[] }) => setSuggestions(body.suggestions.map((s) => s.title)))
        .catch(() => undefined)
    }, 200)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [text])
  return (
    <form className="search" action="/search" method="get" role="search">
      <label htmlFor="q" className="skip">
        搜索办事问题
      </label>
      <input
        id="q"
        name="q"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        list="q-suggestions"
        placeholder="说说您要办的事，如：身份证丢了怎么办"
        maxLength={200}
        required
        autoComplete="off"
      />
      <datalist id="q-suggestions">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit">搜索</button>
    </form>
  )
}
