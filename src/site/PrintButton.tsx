'use client'

/** 工单打印: the browser's print dialog; the page's print styles lay out the order form. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      工单打印
    </button>
  )
}
