import { CreateTenancyAndAccounts1795651200000 } from './1795651200000-CreateTenancyAndAccounts';
import { CreateAccessControl1795651300000 } from './1795651300000-CreateAccessControl';
import { CreateCommerce1795651400000 } from './1795651400000-CreateCommerce';
import { AddPrivacy1795651500000 } from './1795651500000-AddPrivacy';
import { AddCustomerSearch1795651600000 } from './1795651600000-AddCustomerSearch';
import { CreateFollowUps1795651700000 } from './1795651700000-CreateFollowUps';
import { CreateProviderEvents1795651800000 } from './1795651800000-CreateProviderEvents';
import { CreateEmailTemplates1795651900000 } from './1795651900000-CreateEmailTemplates';
import { ClaimByBuyer1795652000000 } from './1795652000000-ClaimByBuyer';
import { AddAutomationConditions1795652100000 } from './1795652100000-AddAutomationConditions';
import { CreateSurveysAndCases1795652200000 } from './1795652200000-CreateSurveysAndCases';
import { CreateWeeklyReports1795652300000 } from './1795652300000-CreateWeeklyReports';
import { AddAnswerDays1795652400000 } from './1795652400000-AddAnswerDays';
import { CreateMailbox1795652500000 } from './1795652500000-CreateMailbox';
import { DispatchByBusiness1795652600000 } from './1795652600000-DispatchByBusiness';
import { SessionPrincipal1795652700000 } from './1795652700000-SessionPrincipal';
import { MarkSentTogether1795652800000 } from './1795652800000-MarkSentTogether';
import { AnalyzeAfterImport1795652900000 } from './1795652900000-AnalyzeAfterImport';
import { DevMailboxByBusiness1795653000000 } from './1795653000000-DevMailboxByBusiness';
import { SignInFailuresByEmail1795653100000 } from './1795653100000-SignInFailuresByEmail';
import { CreateSignUpRequests1795653200000 } from './1795653200000-CreateSignUpRequests';
import { AddImportFileFormat1795653300000 } from './1795653300000-AddImportFileFormat';
import { JourneySettings1795654000000 } from './1795654000000-JourneySettings';
import { IndexMailboxByMessage1795654100000 } from './1795654100000-IndexMailboxByMessage';
import { AddTestDeliveries1795654200000 } from './1795654200000-AddTestDeliveries';
import { SendOnRequest1795654300000 } from './1795654300000-SendOnRequest';
import { AnswersScope1795654400000 } from './1795654400000-AnswersScope';
import { CreateInteractions1795654500000 } from './1795654500000-CreateInteractions';
import { CreateReferrals1795654600000 } from './1795654600000-CreateReferrals';
import { ReviewPlatforms1795654700000 } from './1795654700000-ReviewPlatforms';
import { AskAgain1795654800000 } from './1795654800000-AskAgain';
import { InteractionImports1795654900000 } from './1795654900000-InteractionImports';
import { JobQueue1795655000000 } from './1795655000000-JobQueue';
import { OutgoingWebhooks1795655100000 } from './1795655100000-OutgoingWebhooks';
import { ChatEndpoints1795655200000 } from './1795655200000-ChatEndpoints';
import { MemberNotifications1795655300000 } from './1795655300000-MemberNotifications';

/** Every migration, oldest first. Listed explicitly so the bundled app needs no file globbing. */
export const MIGRATIONS = [
  CreateTenancyAndAccounts1795651200000,
  CreateAccessControl1795651300000,
  CreateCommerce1795651400000,
  AddPrivacy1795651500000,
  AddCustomerSearch1795651600000,
  CreateFollowUps1795651700000,
  CreateProviderEvents1795651800000,
  CreateEmailTemplates1795651900000,
  ClaimByBuyer1795652000000,
  AddAutomationConditions1795652100000,
  CreateSurveysAndCases1795652200000,
  CreateWeeklyReports1795652300000,
  AddAnswerDays1795652400000,
  CreateMailbox1795652500000,
  DispatchByBusiness1795652600000,
  SessionPrincipal1795652700000,
  MarkSentTogether1795652800000,
  AnalyzeAfterImport1795652900000,
  DevMailboxByBusiness1795653000000,
  SignInFailuresByEmail1795653100000,
  CreateSignUpRequests1795653200000,
  AddImportFileFormat1795653300000,
  JourneySettings1795654000000,
  IndexMailboxByMessage1795654100000,
  AddTestDeliveries1795654200000,
  SendOnRequest1795654300000,
  AnswersScope1795654400000,
  CreateInteractions1795654500000,
  CreateReferrals1795654600000,
  ReviewPlatforms1795654700000,
  AskAgain1795654800000,
  InteractionImports1795654900000,
  JobQueue1795655000000,
  OutgoingWebhooks1795655100000,
  ChatEndpoints1795655200000,
  MemberNotifications1795655300000,
];
