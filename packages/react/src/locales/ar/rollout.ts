import type { PluralForms } from '../../i18n/messages';
import type { ConnectionRolloutMessages } from '../../i18n/rollout-messages';

/** Organizations counted; `two` is the dual in the case the sentence needs (منظمتان, or منظمتين after a preposition). */
const organizations = (two: string): PluralForms => ({
  zero: '# منظمة',
  one: 'منظمة واحدة',
  two,
  few: '# منظمات',
  many: '# منظمةً',
  other: '# منظمة',
});

/** Arabic words of the rollout dialog (Modern Standard), beside `@org-connections/react/locales/ar`. */
export const messages: ConnectionRolloutMessages = {
  rolloutButton: 'الطرح على المنظمات',
  rolloutTitle: (name) => `طرح ${name}`,
  rolloutDescription: 'فعّل هذا الاتصال في منظمات كثيرة بالإعدادات نفسها.',
  rolloutLoading: 'جارٍ التحميل…',
  rolloutLoadError: 'تعذّر تحميل الطرح.',
  rolloutUnsupported: 'يتطلب الطرح ‎@org-connections/server‎: لا تتيحه Management API ولا My Organization API.',
  rolloutOrganizations: 'المنظمات',
  rolloutAllOrganizations: 'كل المنظمات',
  rolloutListedOrganizations: 'هذه المنظمات فقط',
  rolloutOrganizationIds: 'معرّفات المنظمات، معرّف في كل سطر',
  rolloutOrganizationsEmpty: 'أدخل معرّف منظمة واحدًا على الأقل.',
  rolloutOrganizationsTooMany: (max, { plural }) =>
    `اذكر ${plural(max, organizations('منظمتين'))} على الأكثر، أو اختر كل المنظمات.`,
  rolloutOrganizationDuplicate: 'أحد معرّفات المنظمات مذكور مرتين.',
  rolloutIfEnabled: 'حيث يكون مُفعّلًا بالفعل',
  rolloutIfEnabledSkip: 'اتركه كما هو',
  rolloutIfEnabledUpdate: 'طبّق هذه الإعدادات',
  rolloutPreview: 'معاينة',
  rolloutPreviewing: 'جارٍ العدّ…',
  rolloutPreviewProgressLabel: 'تقدّم المعاينة',
  rolloutPreviewProgress: (checked, total, { number, plural }) =>
    total === null ? 'جارٍ سرد المنظمات…' : `تم فحص ${number(checked)} من ${plural(total, organizations('منظمتين'))}`,
  rolloutPreviewStop: 'إيقاف المعاينة',
  rolloutPreviewFailed: 'تعذّر إكمال المعاينة.',
  rolloutPreviewResult: (willGet, atLimit, { plural }) =>
    `سيُفعَّل في ${plural(willGet, organizations('منظمتين'))}، و${plural(atLimit, organizations('منظمتان'))} بلغت حدّها.`,
  rolloutPreviewAlreadyEnabled: (count, { plural }) =>
    `${plural(count, organizations('منظمتان'))} لديها الاتصال بالفعل.`,
  rolloutStart: 'بدء الطرح',
  rolloutStarting: 'جارٍ البدء…',
  rolloutStatusRunning: 'جارٍ الطرح…',
  rolloutStatusPaused: 'متوقف مؤقتًا',
  rolloutPausedBecause: (reason) => `توقّف لأن Auth0 رفض عرض قائمة المؤسسات: ${reason}`,
  rolloutStatusCancelled: 'أُلغي',
  rolloutStatusDone: 'اكتمل',
  rolloutProgressLabel: 'تقدّم الطرح',
  rolloutProgress: (done, total, { number, plural }) =>
    total === null
      ? `${plural(done, organizations('منظمتان'))} حتى الآن`
      : `${number(done)} من ${plural(total, organizations('منظمتين'))}`,
  rolloutRate: (perMinute, { plural }) => `${plural(perMinute, organizations('منظمتان'))} في الدقيقة`,
  rolloutTimeLeft: (duration) => `يتبقى نحو ${duration}`,
  rolloutCountAdded: 'أُضيف',
  rolloutCountUpdated: 'حُدِّث',
  rolloutCountSkippedEnabled: 'مُفعّل بالفعل',
  rolloutCountSkippedLimit: 'بلغ حد الاتصالات',
  rolloutCountFailed: 'فشل',
  rolloutCountPending: 'في الانتظار',
  rolloutPause: 'إيقاف مؤقت',
  rolloutResume: 'استئناف',
  rolloutCancel: 'إلغاء الطرح',
  rolloutFailuresTitle: (count, { plural }) => `فشل الطرح في ${plural(count, organizations('منظمتين'))}`,
  rolloutRetryFailed: 'إعادة محاولة ما فشل',
  rolloutControlConflict: 'تغيّرت حالة الطرح في هذه الأثناء: هذه حالته الآن.',
  rolloutNew: 'طرح جديد',
  rolloutClose: 'إغلاق',
};
export default messages;
