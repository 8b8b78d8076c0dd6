import { kindWordInSentence } from '@pressroom/shared'

const kinds = (kind: Parameters<typeof kindWordInSentence>[0]) => kindWordInSentence(kind, 'en', 'plural')

/**
 * Every text the CMS serves to readers and institutions, in English: the subscription pages
 * and e-mails, the acknowledgement page, the e-mail that carries a notice. Flat dotted keys,
 * grouped by where they appear; `ru.ts` must have every key (the type check says so). Kinds are
 * named by `@pressroom/shared`, never here. Staff texts are not here (Payload's i18n has them).
 */
export const en = {
  'subscribe.title': 'Check your inbox',
  'subscribe.body':
    'If the address can receive our e-mail, a message with a confirmation link is on its way. Nothing will be sent until you confirm. The link is valid for 7 days.',
  'error.title': 'Something is wrong',
  'error.back': 'Go back, correct it and send the form again.',
  'error.email': 'Enter a valid e-mail address, like name@example.org.',
  'error.languages': 'Choose English, Russian or both.',
  'error.kinds': `Unknown kind of publication: choose ${kinds('statement')}, ${kinds('notice')} or ${kinds('pressRelease')} (or none for all).`,
  'error.topics': 'Unknown topic: choose from the list on the form (or none for all).',
  'error.locale': 'Unknown page language: use en or ru.',
  'error.tooLarge': 'The form is too large.',
  'error.contentType': 'Send the form as application/x-www-form-urlencoded, multipart/form-data or JSON.',
  'error.rate': 'Too many requests from your network. Wait a minute and try again.',
  'error.token':
    'This link is not valid: it is incomplete, changed, or no longer in use. Copy the whole link from the latest e-mail, or subscribe again.',
  'error.expired': 'This confirmation link has expired. Subscribe again to receive a new one.',
  'confirm.title': 'Confirm your subscription',
  'confirm.body': 'Press the button to start receiving publications by e-mail:',
  'confirm.button': 'Confirm subscription',
  'confirmed.title': 'Subscription confirmed',
  'confirmed.body': 'You will receive new publications by e-mail. Every e-mail has a link to unsubscribe.',
  'confirm.nothing': 'There is nothing waiting for confirmation: your subscription is already up to date.',
  'prefs.title': 'Your subscription',
  'prefs.languages': 'Languages',
  'prefs.kinds': 'Kinds of publication (none ticked: all)',
  'prefs.topics': 'Topics (none ticked: all)',
  'prefs.save': 'Save preferences',
  'prefs.saved': 'Your preferences are saved.',
  'prefs.status.active': 'Your subscription is active.',
  'prefs.status.pending': 'Your subscription is waiting for confirmation.',
  'prefs.status.ended': 'Your subscription has ended; nothing is sent to you.',
  'prefs.data': 'Your data',
  'prefs.export': 'Download my data (JSON)',
  'prefs.erase': 'Erase my data and subscription',
  'unsubscribe.title': 'Unsubscribe',
  'unsubscribe.body': 'Press the button to stop receiving publications by e-mail.',
  'unsubscribe.button': 'Unsubscribe',
  'unsubscribed.title': 'You are unsubscribed',
  'unsubscribed.body':
    'No more publications will be sent to you. You can subscribe again at any time on the press room.',
  'erased.title': 'Your data is erased',
  'erased.body': 'Your address and preferences are gone; nothing more will be sent to you.',
  'summary.languages': 'Languages',
  'summary.kinds': 'Kinds',
  'summary.topics': 'Topics',
  'summary.all': 'all',
  'language.en': 'English',
  'language.ru': 'Russian',
  'kind.statement': kinds('statement'),
  'kind.notice': kinds('notice'),
  'kind.pressRelease': kinds('pressRelease'),
  'consent.text':
    'I ask {org} to send me its publications by e-mail. Languages: {languages}. Kinds: {kinds}. Topics: {topics}. I can unsubscribe at any time.',
  'mail.confirm.subject': '{org}: confirm your subscription',
  'mail.confirm.intro': 'Someone, hopefully you, asked to receive publications of {org} by e-mail at this address.',
  'mail.confirm.action': 'Confirm the subscription',
  'mail.confirm.ignore': 'If it was not you, ignore this e-mail: nothing will be sent without confirmation.',
  'mail.read': 'Read it on the web',
  'mail.reference': 'Reference number',
  'mail.footer': 'You receive this because you subscribed to publications of {org}.',
  'mail.preferences': 'Change preferences',
  'mail.unsubscribe': 'Unsubscribe',
  'mail.correction': 'Correction',
  'mail.correction.intro': 'A correction was made to a publication you received:',

  'acknowledgement.title': 'Acknowledgement of receipt',
  'acknowledgement.addressedTo': 'Addressed to',
  'acknowledgement.explain':
    'By pressing the button you confirm that this notice was received. Opening this page alone does not confirm anything.',
  'acknowledgement.button': 'I acknowledge receipt',
  'acknowledgement.pressButton': 'Press the button to acknowledge receipt.',
  'acknowledgement.thanks': 'Thank you. Receipt was acknowledged on',
  'acknowledgement.already': 'Receipt was already acknowledged on',
  'acknowledgement.alreadyNote': 'The recorded time does not change.',
  'acknowledgement.refused.malformed':
    'This acknowledgement link is incomplete or malformed. Open the link exactly as it appears in the message, or contact the sender.',
  'acknowledgement.refused.tampered':
    'This acknowledgement link is not valid: it was altered or does not belong to this press room. Contact the sender.',
  'acknowledgement.refused.unknown':
    'No notice is waiting for acknowledgement under this link. It may belong to a withdrawn dispatch; contact the sender.',
  'acknowledgement.refused.tooLarge':
    'The form sent was far larger than this page sends. Open the link from the message again and press the button.',

  'noticeMail.to': 'To',
  'noticeMail.addressees': 'Addressed to',
  'noticeMail.fallback': 'This notice has not been issued in English. The {language} original follows and is attached.',
  'noticeMail.originalLanguage.en': 'English',
  'noticeMail.originalLanguage.ru': 'Russian',
  'noticeMail.ackIntro':
    'Please acknowledge receipt of this notice. The link opens a page with a button; receipt is recorded only when the button is pressed.',
  'noticeMail.ackAction': 'Acknowledge receipt',
  'noticeMail.attached': 'The PDF edition of the notice is attached:',
  'noticeMail.web': 'Published version on the web',
  'noticeMail.footer':
    '{org} sent this notice by e-mail as part of its formal correspondence. To reply, answer this e-mail.',
  'mail.test.subjectPrefix': '[TEST]',
  'mail.test.banner':
    'TEST: {who} sent this from the press room to check it. Only you received it; its unsubscribe and acknowledgement links are samples that do nothing.',
  'advance.embargoLine': 'EMBARGOED: not for publication, broadcast or posting before {instant}.',
  'advance.mail.subject': '[Embargoed until {instant}] A press release from {org}',
  'advance.mail.greeting': 'Dear {name},',
  'advance.mail.intro':
    '{org} sends you this press release ahead of its embargo. The link below is yours alone: please do not forward it.',
  'advance.mail.open': 'Read the full text, the PDF edition and the press kit',
  'advance.mail.footer':
    'You receive this because you agreed to receive embargoed releases from {org}. To stop, answer this e-mail.',
  'advance.page.title': 'Embargoed: {title}',
  'advance.page.private':
    'This page is for you alone and is never indexed. It shows the release until the embargo ends; from then on your link leads to the public page.',
  'advance.page.pdf': 'Download the PDF edition',
  'advance.page.kit': 'Download the press kit (ZIP)',
  'advance.terms.heading': 'Embargo terms',
  'advance.terms.text':
    'By opening this release you agree not to publish, broadcast or share its content, or reveal that it exists, before the embargo ends. You may prepare your coverage. If the embargo is broken, the press office may stop sending you releases ahead.',
  'advance.terms.accept': 'I accept the embargo terms',
} as const
