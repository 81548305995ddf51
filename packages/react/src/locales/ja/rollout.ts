import type { ConnectionRolloutMessages } from '../../rollout-messages';

/** Japanese words of the rollout dialog (です・ます), beside `@org-connections/react/locales/ja`; counts take no plural. */
export const messages: ConnectionRolloutMessages = {
  rolloutButton: '組織に一括展開',
  rolloutTitle: (name) => `${name} を一括展開`,
  rolloutDescription: 'この接続を同じ設定で多数の組織に有効化します。',
  rolloutLoading: '読み込んでいます…',
  rolloutLoadError: '展開を読み込めませんでした。',
  rolloutUnsupported:
    '一括展開には @org-connections/server が必要です。Management API にも My Organization API にもこの機能はありません。',
  rolloutOrganizations: '組織',
  rolloutAllOrganizations: 'すべての組織',
  rolloutListedOrganizations: '指定した組織のみ',
  rolloutOrganizationIds: '組織 ID（1 行に 1 つ）',
  rolloutOrganizationsEmpty: '組織 ID を 1 つ以上入力してください。',
  rolloutOrganizationsTooMany: (max, { number }) =>
    `指定できるのは ${number(max)} 組織までです。それより多い場合は「すべての組織」を選んでください。`,
  rolloutOrganizationDuplicate: '同じ組織 ID が 2 回入力されています。',
  rolloutIfEnabled: 'すでに有効な組織では',
  rolloutIfEnabledSkip: 'そのままにする',
  rolloutIfEnabledUpdate: 'この設定を適用する',
  rolloutPreview: 'プレビュー',
  rolloutPreviewing: '集計しています…',
  rolloutPreviewResult: (willGet, atLimit, { number }) =>
    `${number(willGet)} 組織で有効になります。${number(atLimit)} 組織は上限に達しています。`,
  rolloutPreviewAlreadyEnabled: (count, { number }) => `${number(count)} 組織ではすでに有効です。`,
  rolloutStart: '展開を開始',
  rolloutStarting: '開始しています…',
  rolloutStatusRunning: '展開しています…',
  rolloutStatusPaused: '一時停止中',
  rolloutStatusCancelled: 'キャンセル済み',
  rolloutStatusDone: '完了',
  rolloutProgressLabel: '展開の進捗',
  rolloutProgress: (done, total, { number }) =>
    total === null ? `これまでに ${number(done)} 組織` : `${number(done)} / ${number(total)} 組織`,
  rolloutRate: (perMinute, { number }) => `毎分 ${number(perMinute)} 組織`,
  rolloutTimeLeft: (duration) => `残り約 ${duration}`,
  rolloutCountAdded: '追加',
  rolloutCountUpdated: '更新',
  rolloutCountSkippedEnabled: 'すでに有効',
  rolloutCountSkippedLimit: '接続数の上限',
  rolloutCountFailed: '失敗',
  rolloutCountPending: '待機中',
  rolloutPause: '一時停止',
  rolloutResume: '再開',
  rolloutCancel: '展開をキャンセル',
  rolloutFailuresTitle: (count, { number }) => `${number(count)} 組織で失敗しました`,
  rolloutRetryFailed: '失敗した組織を再試行',
  rolloutControlConflict: '展開の状態がその間に変わりました。現在の状態を表示しています。',
  rolloutNew: '新しい展開',
  rolloutClose: '閉じる',
};
export default messages;
