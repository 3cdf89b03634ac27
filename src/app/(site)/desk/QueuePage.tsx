/** A desk: its queues as tabs with counts, the chosen queue as a table with age and deadline, pages. */
import { type Desk, queueDef, queuesOf, desksOf, pageNumber } from '../../../domain/workOrders/orderQueues'
import { listQueue, queueCounts } from '../../../services/orderQueues'
import { sitePayload } from '../siteData'
import { deskUser, loginHref } from './deskData'

export async function QueuePage({
  desk,
  title,
  path,
  search,
}: {
  desk: Desk
  title: string
  path: string
  search: Record<string, string | string[] | undefined>
}) {
  const user = await deskUser()
  if (!user)
    return (
      <p>
        请先 <a href={loginHref(path)}>登录</a>。
      </p>
    )
  if (!desksOf(user).includes(desk)) return <p role="alert">您的账号不能使用{title}。</p>
  const payload = await sitePayload()
  const wanted = queueDef(String(search.queue ?? ''))
  const key = wanted?.desk === desk ? wanted.key : queuesOf(desk)[0].key
  const [counts, list] = await Promise.all([
    queueCounts(payload, user, desk),
    listQueue(payload, user, key, pageNumber(search.page)),
  ])
  const href = (queue: string, page = 1) => `${path}?queue=${queue}${page > 1 ? `&page=${page}` : ''}`
  return (
    <>
      <h1>{title}</h1>
      <nav className="queue-tabs" aria-label="队列">
        {counts.map((q) => (
          <a key={q.key} href={href(q.key)} aria-current={q.key === key ? 'page' : undefined}>
            {q.label} <span className="count">{q.count}</span>
          </a>
        ))}
      </nav>
      {list.rows.length === 0 ? (
        <p className="empty">「{list.queue.label}」队列中没有工单。</p>
      ) : (
        <table className="queue">
          <caption>
            {list.queue.label}：共 {list.totalDocs} 件
          </caption>
          <thead>
            <tr>
              <th scope="col">工单编号</th>
              <th scope="col">标题</th>
              <th scope="col">类型</th>
              <th scope="col">状态</th>
              <th scope="col">承办单位</th>
              <th scope="col">已等待</th>
              <th scope="col">期限</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.number} className={r.deadline ? `due-${r.deadline.status}` : undefined}>
                <td>
                  <a href={`/desk/orders/${r.number}`}>{r.number}</a>
                </td>
                <td>
                  {r.urgency === '紧急' && <span className="badge weak">紧急</span>}
                  {r.title}
                </td>
                <td>{r.type}</td>
                <td>{r.state}</td>
                <td>{r.unit ?? '—'}</td>
                <td>{r.age}</td>
                <td>{r.deadline ? `${r.deadline.at}（${r.deadline.text}）` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.totalPages > 1 && (
        <nav className="pages" aria-label="翻页">
          {list.page > 1 && <a href={href(key, list.page - 1)}>上一页</a>}
          <span>
            第 {list.page} / {list.totalPages} 页
          </span>
          {list.page < list.totalPages && <a href={href(key, list.page + 1)}>下一页</a>}
        </nav>
      )}
    </>
  )
}
