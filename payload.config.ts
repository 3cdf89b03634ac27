import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'

import { ApiKeys } from './src/collections/ApiKeys'
import { AuditLog } from './src/collections/AuditLog'
import { Categories } from './src/collections/Categories'
import { InstanceLeases, RateLimitHits, SearchChanges } from './src/collections/Coordination'
import { EntryFeedback } from './src/collections/EntryFeedback'
import { ErrorReports } from './src/collections/ErrorReports'
import { KnowledgeEntries } from './src/collections/KnowledgeEntries'
import { KnowledgeGaps } from './src/collections/KnowledgeGaps'
import { Media } from './src/collections/Media'
import { Notifications } from './src/collections/Notifications'
import { OrderAttachments } from './src/collections/OrderAttachments'
import { PersonalDataLog } from './src/collections/PersonalDataLog'
import { QuestionCandidates } from './src/collections/QuestionCandidates'
import { SearchLog } from './src/collections/SearchLog'
import { SearchPins } from './src/collections/SearchPins'
import { SearchWords } from './src/collections/SearchWords'
import { SlaRules } from './src/collections/SlaRules'
import { SupervisionItems } from './src/collections/SupervisionItems'
import { Synonyms } from './src/collections/Synonyms'
import { Units } from './src/collections/Units'
import { Users } from './src/collections/Users'
import { WorkCalendar } from './src/collections/WorkCalendar'
import { WorkOrders } from './src/collections/WorkOrders'
import { databaseAdapter } from './src/config/database'
import { emailAdapter } from './src/config/email'
import { env } from './src/config/env'
import { MOMENT_FORMAT, withAdminDefaults } from './src/fields/adminDefaults'
import { countRuns } from './src/jobs/countRuns'
import { KnowledgeMaintenanceTask, MAINTENANCE_QUEUE } from './src/jobs/knowledgeMaintenance'
import { processLease } from './src/jobs/lease'
import { MonthlyReportTask } from './src/jobs/monthlyReport'
import { PersonalDataRetentionTask } from './src/jobs/personalDataRetention'
import { ScheduledBackupTask } from './src/jobs/scheduledBackup'
import { SearchLogRetentionTask } from './src/jobs/searchLogRetention'
import { IndexEntriesTask, IndexEntryTask } from './src/jobs/syncIndex'
import { ReloadSearchSettingsTask } from './src/jobs/syncSearchSettings'
import { TrainIntakeModelTask } from './src/jobs/trainIntakeModel'
import { WorkOrderDeadlinesTask } from './src/jobs/workOrderDeadlines'
import { logger } from './src/log'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const e = env()

export default buildConfig({
  serverURL: e.publicUrl,
  // Session cookies count only on requests from the product's own pages (Origin checked by Payload).
  csrf: [...e.trustedOrigins],
  secret: e.payloadSecret,
  db: databaseAdapter(e),
  editor: lexicalEditor(),
  email: emailAdapter(e),
  collections: [
    WorkOrders,
    OrderAttachments,
    KnowledgeEntries,
    KnowledgeGaps,
    EntryFeedback,
    QuestionCandidates,
    SearchLog,
    AuditLog,
    SupervisionItems,
    ErrorReports,
    Notifications,
    Synonyms,
    SearchWords,
    SearchPins,
    SearchChanges,
    InstanceLeases,
    RateLimitHits,
    Units,
    Categories,
    WorkCalendar,
    SlaRules,
    Media,
    Users,
    ApiKeys,
    PersonalDataLog,
  ].map(withAdminDefaults),
  admin: {
    dateFormat: MOMENT_FORMAT,
    user: Users.slug,
    importMap: { baseDir: dirname },
    // No gravatar lookups: the admin works offline and shares no e-mail hashes.
    avatar: 'default',
    components: {
      beforeDashboard: ['/src/components/MyWork#MyWork'],
      afterNavLinks: ['/src/components/UnreadNotifications#UnreadNotifications'],
      views: {
        // Each role lands on its own queue after signing in (src/components/SignInLanding.tsx).
        login: { Component: '/src/components/SignInLanding#SignInView' },
        start: { Component: '/src/components/SignInLanding#Landing', path: '/start' },
        reports: { Component: '/src/components/ReportsView#ReportsView', path: '/reports' },
        import: { Component: '/src/components/ImportView#ImportView', path: '/import' },
        searchTest: { Component: '/src/components/SearchTestView#SearchTestView', path: '/search-test' },
        searchAnalytics: {
          Component: '/src/components/SearchAnalyticsView#SearchAnalyticsView',
          path: '/search-analytics',
        },
      },
      graphics: { Logo: '/src/components/Brand#Logo', Icon: '/src/components/Brand#Icon' },
    },
    meta: { titleSuffix: ' - 12345 热线知识库' },
    timezones: {
      defaultTimezone: 'Asia/Shanghai',
      supportedTimezones: [{ label: '北京时间', value: 'Asia/Shanghai' }],
    },
  },
  // The admin is for hotline and unit staff: Simplified Chinese whatever the browser says.
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh' },
  jobs: {
    tasks: [
      IndexEntryTask,
      IndexEntriesTask,
      ReloadSearchSettingsTask,
      KnowledgeMaintenanceTask,
      WorkOrderDeadlinesTask,
      ScheduledBackupTask,
      PersonalDataRetentionTask,
      SearchLogRetentionTask,
      TrainIntakeModelTask,
      MonthlyReportTask,
    ].map(countRuns),
    // Runs scheduled tasks (the maintenance round) in the server process (getPayload with cron), on
    // one app server per minute: the holder of that minute's lease (asked mid-minute, so that clocks
    // a few seconds apart still name the same slot).
    autoRun: [{ cron: '30 * * * * *', queue: MAINTENANCE_QUEUE, limit: 1 }],
    shouldAutoRun: (payload) => processLease(payload, 'maintenance', 60_000).held(),
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, group: '系统', hidden: false },
    }),
  },
  // Our own routers live under /api/v1; GraphQL is not part of the product.
  graphQL: { disable: true },
  typescript: { outputFile: path.join(dirname, 'src/payload-types.ts'), autoGenerate: false },
  logger,
  telemetry: false,
})
