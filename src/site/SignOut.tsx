'use client'
import { signOut } from './api'

export function SignOut() {
  return (
    <button type="button" className="link" onClick={() => void signOut()}>
      退出登录
    </button>
  )
}
