import { ConsultAnswersField as ConsultAnswersField_e05fa2a50377166d16ea7ffebf01e8c4 } from '../../../../src/components/ConsultAnswersField'
import { TimelineField as TimelineField_2c4e14f29b081eb5c81a5b5fc72efbf3 } from '../../../../src/components/TimelineField'
import { WorkflowPanel as WorkflowPanel_1ed821aee007f45761041bd89fbaa4a6 } from '../../../../src/components/WorkflowPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { NoPublishButton as NoPublishButton_1ed821aee007f45761041bd89fbaa4a6 } from '../../../../src/components/WorkflowPanel'
import { WorkflowStatus as WorkflowStatus_1ed821aee007f45761041bd89fbaa4a6 } from '../../../../src/components/WorkflowPanel'
import { CurrentPasswordField as CurrentPasswordField_2c1957eae8e18a7c7fc440ff22930ac7 } from '../../../../src/components/CurrentPasswordField'
import { Icon as Icon_cfe78880189a42c6c5c45b200fa47265 } from '../../../../src/components/Brand'
import { Logo as Logo_cfe78880189a42c6c5c45b200fa47265 } from '../../../../src/components/Brand'
import { UnreadNotifications as UnreadNotifications_1a8033c8ab7eefa9f7fb26c15da925c8 } from '../../../../src/components/UnreadNotifications'
import { MyWork as MyWork_d40c1e2347a90734df8605b79d130530 } from '../../../../src/components/MyWork'
import { ReportsView as ReportsView_b564e9858f8e207af12546b84ef61f0a } from '../../../../src/components/ReportsView'
import { ImportView as ImportView_db07af87ce169290a96b9ca92daaac82 } from '../../../../src/components/ImportView'
import { SearchTestView as SearchTestView_3f6aacd4703da5654306d8846c445943 } from '../../../../src/components/SearchTestView'
import { SearchAnalyticsView as SearchAnalyticsView_e35f3628933ed471c17f60e082748780 } from '../../../../src/components/SearchAnalyticsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/ConsultAnswersField#ConsultAnswersField": ConsultAnswersField_e05fa2a50377166d16ea7ffebf01e8c4,
  "/src/components/TimelineField#TimelineField": TimelineField_2c4e14f29b081eb5c81a5b5fc72efbf3,
  "/src/components/WorkflowPanel#WorkflowPanel": WorkflowPanel_1ed821aee007f45761041bd89fbaa4a6,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/WorkflowPanel#NoPublishButton": NoPublishButton_1ed821aee007f45761041bd89fbaa4a6,
  "/src/components/WorkflowPanel#WorkflowStatus": WorkflowStatus_1ed821aee007f45761041bd89fbaa4a6,
  "/src/components/CurrentPasswordField#CurrentPasswordField": CurrentPasswordField_2c1957eae8e18a7c7fc440ff22930ac7,
  "/src/components/Brand#Icon": Icon_cfe78880189a42c6c5c45b200fa47265,
  "/src/components/Brand#Logo": Logo_cfe78880189a42c6c5c45b200fa47265,
  "/src/components/UnreadNotifications#UnreadNotifications": UnreadNotifications_1a8033c8ab7eefa9f7fb26c15da925c8,
  "/src/components/MyWork#MyWork": MyWork_d40c1e2347a90734df8605b79d130530,
  "/src/components/ReportsView#ReportsView": ReportsView_b564e9858f8e207af12546b84ef61f0a,
  "/src/components/ImportView#ImportView": ImportView_db07af87ce169290a96b9ca92daaac82,
  "/src/components/SearchTestView#SearchTestView": SearchTestView_3f6aacd4703da5654306d8846c445943,
  "/src/components/SearchAnalyticsView#SearchAnalyticsView": SearchAnalyticsView_e35f3628933ed471c17f60e082748780,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
