import { notFound } from 'next/navigation'

/** Addresses the site does not know get its own 404 page (Next's default one is in English). */
export default function Missing() {
  notFound()
}
