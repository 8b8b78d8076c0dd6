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
import { SendToSubscribers as SendToSubscribers_c6485aa81cf73d5c9f8f98753373058b } from '../../../components/SendToSubscribers.tsx'
import { PublicationMailPreview as PublicationMailPreview_2796ba62410fed5be6afee48df553b62 } from '../../../components/MailPreview.tsx'
import { TranslationStateFilter as TranslationStateFilter_fb28a7c343308d8bac13fb27e892d889 } from '../../../components/TranslationStateFilter.tsx'
import { BothLanguagesView as BothLanguagesView_346f1f9c17e974b2840ff7e2ac324326 } from '../../../components/BothLanguagesView.tsx'
import { InstantInZone as InstantInZone_d04d933a1681bcde13c2b9fdf1caf261 } from '../../../components/InstantInZone.tsx'
import { AdvanceSend as AdvanceSend_eb198a7cd34f8a17450600efb652bc89 } from '../../../components/AdvanceSend.tsx'
import { ConfirmingPublishButton as ConfirmingPublishButton_162276d0e524799cf04d44988b637afd } from '../../../components/ConfirmingPublishButton.tsx'
import { TwoFactorSettings as TwoFactorSettings_6fbe7dfd5b1c7a71edb7cdc36ab17d89 } from '../../../auth/totp/admin/TwoFactorSettings.tsx'
import { HeldBatchDecision as HeldBatchDecision_8ca9432314e80985ef3904f5d6f05503 } from '../../../components/HeldBatchDecision.tsx'
import { RecipientLogExports as RecipientLogExports_ed2bba0489d140a121b610045eb92660 } from '../../../components/RecipientLogExports.tsx'
import { RecipientsImportExport as RecipientsImportExport_e8db2f1186ed7a78ab2de0341ec71d6a } from '../../../components/RecipientsImportExport.tsx'
import { DispatchActions as DispatchActions_20403296d122bc8db837c38fca5f1145 } from '../../../components/DispatchActions.tsx'
import { DispatchMailPreview as DispatchMailPreview_2796ba62410fed5be6afee48df553b62 } from '../../../components/MailPreview.tsx'
import { SiteBuildFailureField as SiteBuildFailureField_dfa387403cc0a58483b4e840dedd5226 } from '../../../components/SiteBuildFailure.tsx'
import { SiteBuildFailureCell as SiteBuildFailureCell_dfa387403cc0a58483b4e840dedd5226 } from '../../../components/SiteBuildFailure.tsx'
import { LastFailedSiteBuild as LastFailedSiteBuild_8289d5cb74c8a08ecad8d6f434a90769 } from '../../../components/LastFailedSiteBuild.tsx'
import { BoardNavLink as BoardNavLink_3db17e3e64538765c331d5afb2d21e17 } from '../../../components/BoardNavLink.tsx'
import { SystemStatusNavLink as SystemStatusNavLink_be5ba7617e1371a8b8cab86b66fb2006 } from '../../../components/SystemStatusNavLink.tsx'
import { BoardDashboardLink as BoardDashboardLink_20341037ba0ae3c652d2ec6748ce78da } from '../../../components/BoardDashboardLink.tsx'
import { EnrolmentGate as EnrolmentGate_531c1a70ca4f4fd19700592a6d63b70b } from '../../../auth/totp/admin/EnrolmentGate.tsx'
import { SignInView as SignInView_0cc86f0823f185e5f0242ea7b493e26a } from '../../../auth/totp/admin/SignInView.tsx'
import { EnrolView as EnrolView_b76d5eaec994e8929c2a683cb889f1d1 } from '../../../auth/totp/admin/EnrolView.tsx'
import { SystemStatusView as SystemStatusView_20e4058ef187a72f2f7d3deb972f250d } from '../../../components/SystemStatusView.tsx'
import { BoardView as BoardView_cd3d5b0fcdab767697d68f3bc560e9c7 } from '../../../components/BoardView.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
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
  "/components/SendToSubscribers.tsx#SendToSubscribers": SendToSubscribers_c6485aa81cf73d5c9f8f98753373058b,
  "/components/MailPreview.tsx#PublicationMailPreview": PublicationMailPreview_2796ba62410fed5be6afee48df553b62,
  "/components/TranslationStateFilter.tsx#TranslationStateFilter": TranslationStateFilter_fb28a7c343308d8bac13fb27e892d889,
  "/components/BothLanguagesView.tsx#BothLanguagesView": BothLanguagesView_346f1f9c17e974b2840ff7e2ac324326,
  "/components/InstantInZone.tsx#InstantInZone": InstantInZone_d04d933a1681bcde13c2b9fdf1caf261,
  "/components/AdvanceSend.tsx#AdvanceSend": AdvanceSend_eb198a7cd34f8a17450600efb652bc89,
  "/components/ConfirmingPublishButton.tsx#ConfirmingPublishButton": ConfirmingPublishButton_162276d0e524799cf04d44988b637afd,
  "/auth/totp/admin/TwoFactorSettings.tsx#TwoFactorSettings": TwoFactorSettings_6fbe7dfd5b1c7a71edb7cdc36ab17d89,
  "/components/HeldBatchDecision.tsx#HeldBatchDecision": HeldBatchDecision_8ca9432314e80985ef3904f5d6f05503,
  "/components/RecipientLogExports.tsx#RecipientLogExports": RecipientLogExports_ed2bba0489d140a121b610045eb92660,
  "/components/RecipientsImportExport.tsx#RecipientsImportExport": RecipientsImportExport_e8db2f1186ed7a78ab2de0341ec71d6a,
  "/components/DispatchActions.tsx#DispatchActions": DispatchActions_20403296d122bc8db837c38fca5f1145,
  "/components/MailPreview.tsx#DispatchMailPreview": DispatchMailPreview_2796ba62410fed5be6afee48df553b62,
  "/components/SiteBuildFailure.tsx#SiteBuildFailureField": SiteBuildFailureField_dfa387403cc0a58483b4e840dedd5226,
  "/components/SiteBuildFailure.tsx#SiteBuildFailureCell": SiteBuildFailureCell_dfa387403cc0a58483b4e840dedd5226,
  "/components/LastFailedSiteBuild.tsx#LastFailedSiteBuild": LastFailedSiteBuild_8289d5cb74c8a08ecad8d6f434a90769,
  "/components/BoardNavLink.tsx#BoardNavLink": BoardNavLink_3db17e3e64538765c331d5afb2d21e17,
  "/components/SystemStatusNavLink.tsx#SystemStatusNavLink": SystemStatusNavLink_be5ba7617e1371a8b8cab86b66fb2006,
  "/components/BoardDashboardLink.tsx#BoardDashboardLink": BoardDashboardLink_20341037ba0ae3c652d2ec6748ce78da,
  "/auth/totp/admin/EnrolmentGate.tsx#EnrolmentGate": EnrolmentGate_531c1a70ca4f4fd19700592a6d63b70b,
  "/auth/totp/admin/SignInView.tsx#SignInView": SignInView_0cc86f0823f185e5f0242ea7b493e26a,
  "/auth/totp/admin/EnrolView.tsx#EnrolView": EnrolView_b76d5eaec994e8929c2a683cb889f1d1,
  "/components/SystemStatusView.tsx#SystemStatusView": SystemStatusView_20e4058ef187a72f2f7d3deb972f250d,
  "/components/BoardView.tsx#BoardView": BoardView_cd3d5b0fcdab767697d68f3bc560e9c7,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
