import type { OrgConnectionsMessages, PluralForms } from '../messages';

/** Connections counted, as the subject or after a preposition (genitive forms of the dual). */
const connections = (two: string): PluralForms => ({
  zero: '# اتصال',
  one: 'اتصال واحد',
  two,
  few: '# اتصالات',
  many: '# اتصالًا',
  other: '# اتصال',
});

/** Arabic (العربية), Modern Standard, right to left; counts take all six plural forms. */
export const messages: OrgConnectionsMessages = {
  kindDatabase: 'قاعدة بيانات',
  kindSocial: 'اجتماعي',
  kindEnterprise: 'مؤسسي',
  kindPasswordless: 'دون كلمة مرور',
  accessLevelNone: 'بلا وصول',
  accessLevelReadonly: 'قراءة فقط',
  accessLevelLimited: 'محدود',
  accessLevelFull: 'كامل',
  accessLevelUnknown: (value) => `غير معروف (${value})`,
  fieldOrganizationConnectionName: 'الاسم في هذه المنظمة',
  fieldOrganizationAccessLevel: 'صلاحية مسؤولي المنظمة',
  fieldIsEnabled: 'مُفعّل',
  fieldAssignMembershipOnLogin: 'العضوية عند المصادقة',
  fieldIsSignupEnabled: 'التسجيل',
  fieldShowAsButton: 'العرض كزر',
  save: 'حفظ',
  cancel: 'إلغاء',
  retry: 'إعادة المحاولة',
  addConnection: 'إضافة اتصال',
  limitReached: (limit, { plural }) =>
    `الحد الأقصى للمنظمة ${plural(limit, connections('اتصالان'))}. أزِل اتصالًا لتضيف غيره.`,

  errorRateLimited: (time) =>
    time ? `طلبات كثيرة جدًا. حاول مجددًا في ${time}.` : 'طلبات كثيرة جدًا. حاول مجددًا بعد قليل.',
  errorForbidden: (scopes, { anyOf }) =>
    scopes.length > 0 ? `تنقصك الصلاحية ${anyOf(scopes)}.` : 'ليست لديك صلاحية لتنفيذ ذلك.',
  errorUnauthorized: 'انتهت جلستك. سجّل الدخول مجددًا.',
  errorNotFound: 'لم يعد هذا الاتصال أو هذه المنظمة موجودًا.',
  errorConflict: 'هذا الاتصال مُفعّل للمنظمة بالفعل.',
  errorInvalidRequest: (field) => (field ? `${field}: هذه القيمة غير مقبولة.` : 'لم يُقبل الطلب.'),
  errorServer: 'حدثت مشكلة في الخادم. حاول مجددًا لاحقًا.',
  errorNetwork: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك بالشبكة وحاول مجددًا.',
  errorInvalidResponse: 'أرسل الخادم ردًا غير متوقع.',
  errorNotPermitted: 'غير مسموح لك بتغيير هذا الإعداد.',
  errorUnsupported: 'مصدر البيانات هذا لا يتيح ذلك.',
  errorUnknown: 'حدث خطأ ما.',
  nameRequired: 'أدخِل اسمًا.',
  nameTooLong: (max, { plural }) =>
    `استخدم ${plural(max, { zero: '# حرف', one: 'حرفًا واحدًا', two: 'حرفين', few: '# أحرف', many: '# حرفًا', other: '# حرف' })} على الأكثر.`,
  nameInvalidCharacters: 'يحتوي الاسم على حرف غير مسموح به.',

  listLabel: 'اتصالات المنظمة',
  connectionCount: (count, limit, { number, plural }) => `${number(count)} من ${plural(limit, connections('اتصالين'))}`,
  loading: 'جارٍ تحميل الاتصالات…',
  emptyTitle: 'لا توجد اتصالات',
  emptyDescription: 'لا توجد اتصالات مُفعّلة لهذه المنظمة.',
  emptyDescriptionCanAdd: 'أضِف اتصالًا ليتمكن أعضاء هذه المنظمة من تسجيل الدخول.',
  unsupportedTitle: 'غير متاح لمسؤولي المنظمة',
  unsupportedDescription: 'لا مستويات وصول في مصدر البيانات هذا، لذا لا يمكن عرض أي اتصال لمسؤول المنظمة.',
  unsupportedAlternative:
    'استخدم نقاط النهاية ‎/organizations/{id}/connections‎ في Management API عبر ‎@org-connections/server‎، أو My Organization API.',
  loadErrorTitle: 'تعذّر تحميل الاتصالات.',
  rateLimitedRetrying: (time) => `طلبات كثيرة جدًا. ستُعاد المحاولة في ${time}.`,
  retryCountdown: (wait) => `المحاولة التالية ${wait}`,
  insufficientScope: (scopes, { anyOf }) =>
    scopes.length > 0
      ? `لا يمكن عرض الاتصالات: تنقصك الصلاحية ${anyOf(scopes)}.`
      : 'ليست لديك صلاحية لعرض هذه الاتصالات.',
  organizationNotFound: 'هذه المنظمة غير موجودة.',
  visibilityWarning:
    'كل الاتصالات المُفعّلة مخفية، لذا سيفشل تسجيل الدخول بالخطأ "no connections enabled for the organization are visible". اعرض أحدها كزر.',
  searchLabel: 'البحث في الاتصالات',
  kindFilterLabel: 'النوع',
  allKinds: 'كل الأنواع',
  noMatches: 'لا توجد اتصالات مطابقة.',
  readonlyExplanation: 'قراءة فقط: يدير مزوّد الخدمة هذه الإعدادات.',
  limitedExplanation: 'يدير مزوّد الخدمة بعض الإعدادات.',
  signupNeedsMembership: 'فعّل العضوية عند المصادقة للسماح بالتسجيل.',
  renameButton: 'إعادة تسمية',
  rename: (name) => `إعادة تسمية ${name}`,
  removeButton: 'إزالة',
  remove: (name) => `إزالة ${name}`,
  removeTitle: (name) => `هل تريد إزالة ${name}؟`,
  removeDescription: 'لن يتمكن الأعضاء بعد الآن من تسجيل الدخول به إلى هذه المنظمة. يبقى الاتصال نفسه في المستأجر.',
  removeConfirm: 'إزالة',
  saved: (name) => `تم حفظ ${name}.`,
  removed: (name) => `تمت إزالة ${name}.`,
  added: (name) => `تمت إضافة ${name}.`,
  changeFailed: (name, reason) => `لم يتغيّر ${name}. ${reason}`,

  accessLevelNoneDescription: 'لا يرى مسؤولو المنظمة هذا الاتصال.',
  accessLevelReadonlyDescription: 'يراه مسؤولو المنظمة لكن لا يمكنهم تغييره.',
  accessLevelLimitedDescription: 'يمكن لمسؤولي المنظمة تفعيله أو إيقافه وعرضه كزر.',
  accessLevelFullDescription: 'يمكن لمسؤولي المنظمة تغيير كل الإعدادات.',
  addConnectionTitle: 'إضافة اتصال',
  pickConnectionDescription: 'اختر اتصالًا من المستأجر لتفعيله لهذه المنظمة.',
  configureConnectionDescription: (name) => `اختر طريقة عمل ${name} لهذه المنظمة.`,
  tenantConnectionsLabel: 'اتصالات المستأجر',
  loadingMore: 'جارٍ تحميل المزيد…',
  searchedFirst: (count, { plural }) =>
    `تم البحث في ${plural(count, { zero: '# اتصال', one: 'أول اتصال', two: 'أول اتصالين', few: 'أول # اتصالات', many: 'أول # اتصالًا', other: 'أول # اتصال' })}.`,
  searchAll: 'البحث في كل الاتصالات',
  searchedSoFar: (count, { plural }) => `تم البحث حتى الآن في ${plural(count, connections('اتصالين'))}…`,
  stopSearching: 'إيقاف البحث',
  noConnectionsToAdd: 'لم تتبقَّ اتصالات لإضافتها.',
  back: 'رجوع',
  next: 'التالي',
  adding: 'جارٍ الإضافة…',

  loginPromptLabel: 'معاينة شاشة تسجيل الدخول',
  loginPromptCaption: 'ما يراه أعضاء هذه المنظمة عند تسجيل الدخول. صورة توضيحية، لا نموذج يعمل.',
  loginPromptTitle: 'تسجيل الدخول',
  loginPromptEmail: 'البريد الإلكتروني',
  loginPromptPassword: 'كلمة المرور',
  loginPromptPhone: 'رقم الهاتف',
  loginPromptContinue: 'متابعة',
  loginPromptSignup: 'ليس لديك حساب؟ أنشئ حسابًا',
  loginPromptOr: 'أو',
  loginPromptContinueWith: (name) => `المتابعة باستخدام ${name}`,
  loginPromptHiddenTitle: (count, { plural }) =>
    `لا تظهر في شاشة تسجيل الدخول: ${plural(count, connections('اتصالان'))}`,
  loginPromptHiddenByParameter: 'لا يُستخدم إلا إذا أرسل التطبيق المعامل connection.',
  loginPromptHiddenByDiscovery:
    'لا يُستخدم إلا عبر Home Realm Discovery (المعرّف أولًا، دون org_id في الطلب) أو المعامل connection.',
  loginPromptFailure:
    'يفشل تسجيل الدخول بالخطأ "no connections enabled for the organization are visible": كل الاتصالات المُفعّلة اتصالات مؤسسية مخفية. اعرض أحدها كزر.',
  loginPromptEmpty: 'لا يوجد اتصال مُفعّل، لذا لا يمكن لأحد تسجيل الدخول إلى هذه المنظمة.',
  loginPromptProviderNote: 'قد تظهر أيضًا اتصالات يديرها مزوّد الخدمة.',
};
export default messages;
